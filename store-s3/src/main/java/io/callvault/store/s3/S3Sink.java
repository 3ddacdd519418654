package io.callvault.store.s3;

import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a blob of an {@link S3BlobStore} to its spool file; nothing reaches S3 before {@link #commit()}.
 * {@code close()} fsyncs, so a blob closed by its writer (Tink's channel closes what it wraps) is durable
 * before anyone decides to commit it. Not thread-safe, as the SPI allows.
 */
final class S3Sink implements BlobSink {

    private final S3BlobStore store;
    private final String key;
    private final Path file;
    private final FileChannel channel;
    private long size;
    private boolean closed;
    private boolean entrySynced;
    private boolean finished;

    S3Sink(S3BlobStore store, String key, Path file, FileChannel channel) {
        this.store = store;
        this.key = key;
        this.file = file;
        this.channel = channel;
    }

    @Override
    public int write(ByteBuffer src) throws BlobStoreException {
        if (closed) {
            throw new BlobStoreException(store.describe() + ": sink for " + key + " is closed; create a new one");
        }
        try {
            int n = channel.write(src);
            size += n;
            return n;
        } catch (IOException e) {
            throw store.spoolFailure("cannot write blob " + key, file, e);
        }
    }

    @Override
    public void sync() throws BlobStoreException {
        if (closed) {
            return; // close() already made everything durable
        }
        try {
            channel.force(true);
            if (!entrySynced) {
                SpoolArea.syncDirectoryOf(file);
                entrySynced = true;
            }
        } catch (IOException e) {
            throw store.spoolFailure("cannot sync blob " + key, file, e);
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
            throw store.spoolFailure("cannot close blob " + key, file, e);
        } finally {
            closed = true;
        }
    }

    @Override
    public void commit() throws BlobStoreException {
        if (finished) {
            throw new BlobStoreException(store.describe() + ": blob " + key + " was already committed or aborted");
        }
        close();
        store.publish(key, file);
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
            throw store.spoolFailure("cannot discard blob " + key, file, e);
        }
    }

    @Override
    public long size() {
        return size;
    }
}
