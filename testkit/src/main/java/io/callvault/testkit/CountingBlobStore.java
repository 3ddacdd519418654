package io.callvault.testkit;

import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a blob store and counts ciphertext bytes read, to show that seeking (a range read) does not decrypt from the start. */
public final class CountingBlobStore implements BlobStore {
    private final BlobStore inner;
    private final AtomicLong read = new AtomicLong();

    public CountingBlobStore(BlobStore inner) {
        this.inner = inner;
    }

    public long bytesRead() {
        return read.get();
    }

    @Override
    public BlobSink create(String key) throws BlobStoreException {
        return inner.create(key);
    }

    @Override
    public SeekableByteChannel open(String key) throws BlobStoreException {
        SeekableByteChannel ch = inner.open(key);
        return new SeekableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                int n = ch.read(dst);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return ch.write(src);
            }

            @Override
            public long position() throws IOException {
                return ch.position();
            }

            @Override
            public SeekableByteChannel position(long p) throws IOException {
                ch.position(p);
                return this;
            }

            @Override
            public long size() throws IOException {
                return ch.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) throws IOException {
                ch.truncate(size);
                return this;
            }

            @Override
            public boolean isOpen() {
                return ch.isOpen();
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    @Override
    public void delete(String key) throws BlobStoreException {
        inner.delete(key);
    }

    @Override
    public List<String> list(String prefix) throws BlobStoreException {
        return inner.list(prefix);
    }

    @Override
    public List<String> pendingKeys() throws BlobStoreException {
        return inner.pendingKeys();
    }

    @Override
    public SeekableByteChannel openPending(String key) throws BlobStoreException {
        return inner.openPending(key);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() throws BlobStoreException {
        inner.close();
    }
}
