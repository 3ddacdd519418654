package io.callvault.vault.spi;

import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * Stores opaque blobs (always ciphertext: the vault encrypts before anything reaches a store) under
 * string keys made of {@code [a-z0-9._-]} segments separated by '/'.
 *
 * <p>Contract, checked by {@code BlobStoreContract} against every implementation:
 * <ul>
 *   <li>A blob becomes visible under its key only by {@link BlobSink#commit()}, atomically: readers see
 *       either nothing or the whole blob. Committing over an existing key replaces it.</li>
 *   <li>Bytes written to a sink and {@link BlobSink#sync() synced} survive a crash of the process as a
 *       <em>pending</em> blob, listed by {@link #pendingKeys()} until committed or aborted.</li>
 *   <li>{@link #delete(String)} is idempotent: deleting what is missing succeeds. It removes the
 *       committed blob and any pending one under the key.</li>
 *   <li>All methods are thread-safe; one sink is written by one thread at a time.</li>
 * </ul>
 * Every failure is a {@link BlobStoreException}; a missing blob is a {@link BlobNotFoundException}.
 */
public interface BlobStore extends AutoCloseable {

    /** Starts a new pending blob under {@code key}, replacing any earlier pending blob of that key. */
    BlobSink create(String key) throws BlobStoreException;

    /**
     * Opens a committed blob for random-access reading. The caller owns and closes the channel.
     *
     * @throws BlobNotFoundException if no committed blob has this key
     */
    SeekableByteChannel open(String key) throws BlobStoreException;

    /** Deletes the committed and the pending blob under {@code key}; succeeds if there is none. */
    void delete(String key) throws BlobStoreException;

    /** Keys of all committed blobs whose key starts with {@code prefix}, in no particular order. */
    List<String> list(String prefix) throws BlobStoreException;

    /** Keys of pending blobs, left by writers that neither committed nor aborted (a crash). */
    List<String> pendingKeys() throws BlobStoreException;

    /**
     * Opens what reached storage of a pending blob, for crash recovery.
     *
     * @throws BlobNotFoundException if there is no pending blob under the key
     */
    SeekableByteChannel openPending(String key) throws BlobStoreException;

    /** A short description for logs and errors, e.g. "filesystem /var/lib/callvault/blobs". */
    String describe();

    @Override
    void close() throws BlobStoreException;

    /** Checks a key's form; stores call this on entry so a bad key never reaches a path or a URL. */
    static String checkKey(String key) {
        if (key == null || !key.matches("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*") || key.contains("..")
                || key.length() > 512) {
            throw new IllegalArgumentException("bad blob key (lower-case [a-z0-9._-] segments joined by '/'): "
                    + key);
        }
        return key;
    }
}
