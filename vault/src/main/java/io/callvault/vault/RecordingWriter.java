package io.callvault.vault;

import io.callvault.core.AudioFormat;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Seal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one recording's audio frames into the vault: each write is hashed (SHA-256 of the plaintext)
 * and encrypted at once into the pending blob; no cleartext is buffered beyond Tink's current segment
 * (16 KiB) and none is written anywhere but through the cipher.
 *
 * <p>Durability: every {@code syncEveryBytes} of audio (one second for live calls) the pending blob is
 * fsynced, so a crash loses at most that plus the open segment. {@link #seal()} publishes the blob and
 * records its digest; {@link #abort} discards it and leaves a tombstone.
 *
 * <p>Not thread-safe: one call's media thread writes.
 */
public final class RecordingWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingWriter.class);

    private final RecordingRow row;
    private final BlobSink sink;
    private final WritableByteChannel cipher;
    private final Catalog catalog;
    private final Vault vault;
    private final WriterLocks.Held lock;
    private final long syncEveryBytes;
    private final MessageDigest sha256;
    private long plaintextBytes;
    private long unsyncedBytes;
    private boolean finished;

    RecordingWriter(RecordingRow row, BlobSink sink, WritableByteChannel cipher, Catalog catalog, Vault vault,
                    WriterLocks.Held lock, long syncEveryBytes) {
        this.row = row;
        this.sink = sink;
        this.cipher = cipher;
        this.catalog = catalog;
        this.vault = vault;
        this.lock = lock;
        this.syncEveryBytes = syncEveryBytes;
        this.sha256 = Digests.sha256();
    }

    public RecordingId id() {
        return row.id();
    }

    public AudioFormat format() {
        return row.format();
    }

    public long plaintextBytes() {
        return plaintextBytes;
    }

    /**
     * Appends whole frames. The buffer is consumed; the caller keeps ownership of its backing memory.
     *
     * @throws IllegalArgumentException if the buffer does not hold a whole number of frames
     */
    public void write(ByteBuffer frames) throws IOException {
        checkOpen();
        int n = frames.remaining();
        if (n % row.format().bytesPerFrame() != 0) {
            throw new IllegalArgumentException(n + " bytes is not a whole number of " + row.format().bytesPerFrame()
                    + "-byte frames of " + row.format());
        }
        sha256.update(frames.duplicate());
        while (frames.hasRemaining()) {
            cipher.write(frames);
        }
        plaintextBytes += n;
        unsyncedBytes += n;
        if (syncEveryBytes > 0 && unsyncedBytes >= syncEveryBytes) {
            sync();
        }
    }

    public void write(byte[] frames, int offset, int length) throws IOException {
        write(ByteBuffer.wrap(frames, offset, length));
    }

    /** Makes every completed ciphertext segment durable in the pending blob. */
    public void sync() throws IOException {
        checkOpen();
        sink.sync();
        unsyncedBytes = 0;
    }

    /**
     * Finishes the stream (final segment), publishes the blob and seals the catalog row.
     *
     * @return the sealed row
     */
    public RecordingRow seal() throws VaultException {
        checkOpenUnchecked();
        finished = true;
        try {
            cipher.close();
            sink.commit();
            long durationMillis = row.format().millisFor(plaintextBytes);
            Seal seal = new Seal(RecordingState.SEALED, row.startedAt().plusMillis(durationMillis), durationMillis,
                    plaintextBytes, sink.size(), HexFormat.of().formatHex(sha256.digest()), "", row.blobKey());
            catalog.seal(row.id(), seal);
            return row.withSeal(seal);
        } catch (IOException | CatalogException e) {
            throw new VaultException("cannot seal recording " + row.id() + ": " + e.getMessage()
                    + " (it will be recovered as interrupted at the next start)", e);
        } finally {
            releaseLock();
        }
    }

    /** Discards everything written and leaves a tombstone saying why. Idempotent. */
    public void abort(String reason, String actor) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            cipher.close();
        } catch (IOException e) {
            LOG.debug("closing cipher of aborted recording {}", row.id(), e);
        }
        try {
            sink.abort();
            vault.shredAborted(row, reason, actor);
        } catch (Exception e) {
            LOG.error("Aborting recording {} failed; the next start's recovery will clean it up: {}", row.id(),
                    e.toString());
        } finally {
            releaseLock();
        }
    }

    /** Seals if not yet sealed or aborted. */
    @Override
    public void close() throws VaultException {
        if (!finished) {
            seal();
        }
    }

    Instant startedAt() {
        return row.startedAt();
    }

    private void releaseLock() {
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("cannot release writer lock {}: {}", lock.file(), e.toString());
        }
    }

    private void checkOpen() throws IOException {
        if (finished) {
            throw new IOException("recording " + row.id() + " is already sealed or aborted");
        }
    }

    private void checkOpenUnchecked() throws VaultException {
        if (finished) {
            throw new VaultException("recording " + row.id() + " is already sealed or aborted");
        }
    }
}
