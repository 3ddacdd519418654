package io.callvault.testkit;

import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link BlobStore} in memory, for unit tests of the vault. It models durability the way a real store
 * does: {@link #openPending} sees only bytes that reached "storage" through {@code sync()} or
 * {@code close()}, so crash-recovery tests cannot pass by reading unsynced bytes. Thread-safe: one
 * monitor guards the maps; sinks have their own.
 */
public final class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> committed = new HashMap<>();
    private final Map<String, MemorySink> pending = new HashMap<>();

    @Override
    public synchronized BlobSink create(String key) {
        var sink = new MemorySink(BlobStore.checkKey(key));
        pending.put(key, sink);
        return sink;
    }

    @Override
    public SeekableByteChannel open(String key) throws BlobNotFoundException {
        byte[] data;
        synchronized (this) {
            data = committed.get(BlobStore.checkKey(key));
        }
        if (data == null) {
            throw new BlobNotFoundException(describe() + ": no committed blob under key " + key);
        }
        return new ReadChannel(data);
    }

    @Override
    public synchronized void delete(String key) {
        BlobStore.checkKey(key);
        committed.remove(key);
        pending.remove(key);
    }

    @Override
    public synchronized List<String> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return committed.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public synchronized List<String> pendingKeys() {
        return List.copyOf(pending.keySet());
    }

    @Override
    public SeekableByteChannel openPending(String key) throws BlobNotFoundException {
        MemorySink sink;
        synchronized (this) {
            sink = pending.get(BlobStore.checkKey(key));
        }
        if (sink == null) {
            throw new BlobNotFoundException(describe() + ": no pending blob under key " + key);
        }
        // Outside the store monitor: sinks lock themselves first, then the store (see publish).
        return new ReadChannel(sink.durableBytes());
    }

    @Override
    public String describe() {
        return "in-memory blob store";
    }

    /** Keeps the contents: a test may go on reading what an earlier phase wrote. */
    @Override
    public void close() {
    }

    private synchronized void publish(MemorySink sink, byte[] data) throws BlobStoreException {
        if (!pending.remove(sink.key, sink)) {
            throw new BlobStoreException(describe() + ": pending blob " + sink.key
                    + " was deleted or replaced by a newer writer; nothing was committed");
        }
        committed.put(sink.key, data);
    }

    private synchronized void discard(MemorySink sink) {
        pending.remove(sink.key, sink);
    }

    private final class MemorySink implements BlobSink {
        private final String key;
        private byte[] buf = new byte[1024];
        private int length;
        private int durableLength;
        private boolean closed;
        private boolean finished;

        MemorySink(String key) {
            this.key = key;
        }

        @Override
        public synchronized int write(ByteBuffer src) throws BlobStoreException {
            if (closed) {
                throw new BlobStoreException(describe() + ": sink for " + key + " is closed");
            }
            int n = src.remaining();
            if (length + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
            }
            src.get(buf, length, n);
            length += n;
            return n;
        }

        @Override
        public synchronized void sync() {
            durableLength = length;
        }

        @Override
        public synchronized boolean isOpen() {
            return !closed;
        }

        @Override
        public synchronized void close() {
            durableLength = length;
            closed = true;
        }

        @Override
        public synchronized void commit() throws BlobStoreException {
            close();
            if (finished) {
                throw new BlobStoreException(describe() + ": sink for " + key + " already committed or aborted");
            }
            publish(this, Arrays.copyOf(buf, length));
            finished = true;
        }

        @Override
        public synchronized void abort() {
            close();
            finished = true;
            discard(this);
        }

        @Override
        public synchronized long size() {
            return length;
        }

        synchronized byte[] durableBytes() {
            return Arrays.copyOf(buf, durableLength);
        }
    }

    /** A read-only channel over a byte array it never modifies. */
    private static final class ReadChannel implements SeekableByteChannel {
        private final byte[] data;
        private long position;
        private boolean open = true;

        ReadChannel(byte[] data) {
            this.data = data;
        }

        @Override
        public synchronized int read(ByteBuffer dst) throws ClosedChannelException {
            ensureOpen();
            if (position >= data.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), data.length - position);
            dst.put(data, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public synchronized long position() throws ClosedChannelException {
            ensureOpen();
            return position;
        }

        @Override
        public synchronized SeekableByteChannel position(long newPosition) throws ClosedChannelException {
            ensureOpen();
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            position = newPosition;
            return this;
        }

        @Override
        public synchronized long size() throws ClosedChannelException {
            ensureOpen();
            return data.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        @Override
        public synchronized void close() {
            open = false;
        }

        private void ensureOpen() throws ClosedChannelException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }
    }
}
