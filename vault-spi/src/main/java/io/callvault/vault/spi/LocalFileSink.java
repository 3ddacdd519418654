package io.callvault.vault.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link BlobSink} that writes a local file until the blob is published: the filesystem store's pending
 * file, the S3 store's spool file. It carries the life cycle every such sink shares (write, fsync with a
 * one-time fsync of the directory entry, close that syncs, commit once, abort that deletes); the store
 * supplies how to publish the file, how to fsync its directory, and how to word a failure.
 *
 * <p>Not thread-safe, as the SPI allows.
 */
public abstract class LocalFileSink implements BlobSink {
    private final String key;
    private final Path file;
    private final FileChannel channel;
    private long size;
    private boolean closed;
    private boolean entrySynced;
    private boolean finished;

    protected LocalFileSink(String key, Path file, FileChannel channel) {
        this.key = key;
        this.file = file;
        this.channel = channel;
    }

    /** Makes {@code file} visible under {@code key}; called once, after the file is closed and synced. */
    protected abstract void publish(String key, Path file) throws BlobStoreException;

    /** fsyncs the directory holding {@code file}, so its entry survives a crash with the synced bytes. */
    protected abstract void syncDirectoryOf(Path file) throws IOException;

    /** The store's exception for a failed file operation ({@code what} says which, e.g. "write blob k"). */
    protected abstract BlobStoreException failure(String what, Path file, IOException cause);

    /** The store's description, for messages. */
    protected abstract String storeName();

    protected final String key() {
        return key;
    }

    @Override
    public int write(ByteBuffer src) throws BlobStoreException {
        if (closed) {
            throw new BlobStoreException(storeName() + ": sink for " + key + " is closed; create a new one");
        }
        try {
            int n = channel.write(src);
            size += n;
            return n;
        } catch (IOException e) {
            throw failure("cannot write blob " + key, file, e);
        }
    }

    @Override
    public void sync() throws BlobStoreException {
        if (closed) {
            return; // close() already made everything durable
        }
        try {
            channel.force(true);
            // The first sync also makes the file's directory entry durable, or a crash could lose the file
            // together with its synced bytes.
            if (!entrySynced) {
                syncDirectoryOf(file);
                entrySynced = true;
            }
        } catch (IOException e) {
            throw failure("cannot sync blob " + key, file, e);
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() throws BlobStoreException {
        if (closed) {
            return;
        }
        try (channel) {
            sync();
        } catch (BlobStoreException e) {
            throw e;
        } catch (IOException e) {
            throw failure("cannot close blob " + key, file, e);
        } finally {
            closed = true;
        }
    }

    @Override
    public void commit() throws BlobStoreException {
        if (finished) {
            throw new BlobStoreException(storeName() + ": blob " + key + " was already committed or aborted");
        }
        close();
        publish(key, file);
        finished = true;
    }

    @Override
    public void abort() throws BlobStoreException {
        closed = true;
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot discard blob " + key, file, e);
        }
    }

    @Override
    public long size() {
        return size;
    }
}
