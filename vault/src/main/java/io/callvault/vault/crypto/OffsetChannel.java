package io.callvault.vault.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a channel that hides its first {@code offset} bytes, so Tink's seekable decrypter
 * sees the stream ciphertext starting at position 0 while our header stays in front of it. Closing the
 * view closes the underlying channel.
 */
public final class OffsetChannel implements SeekableByteChannel {
    private final SeekableByteChannel inner;
    private final long offset;
    private long position;

    public OffsetChannel(SeekableByteChannel inner, long offset) {
        this.inner = inner;
        this.offset = offset;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        inner.position(offset + position);
        int n = inner.read(dst);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return Math.max(0, inner.size() - offset);
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
