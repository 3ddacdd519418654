package io.callvault.vault.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view that appends {@code padding} zero bytes to a channel. Used by crash recovery on the
 * ciphertext of an interrupted stream: Tink's encrypter holds back each full segment until it knows
 * whether it is the last one, so a torn stream ends with complete segments that were encrypted as "not
 * last". Without padding the decrypter would treat the final complete segment as the last one and reject
 * it; with a short fake tail, every real segment is decrypted as what it is and only the fake tail fails.
 */
public final class TailPaddedChannel implements SeekableByteChannel {
    private final SeekableByteChannel inner;
    private final long padding;
    private long position;

    public TailPaddedChannel(SeekableByteChannel inner, long padding) {
        this.inner = inner;
        this.padding = padding;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long innerSize = inner.size();
        if (position >= innerSize + padding) {
            return -1;
        }
        int n;
        if (position < innerSize) {
            inner.position(position);
            int limit = dst.limit();
            dst.limit(dst.position() + (int) Math.min(dst.remaining(), innerSize - position));
            try {
                n = inner.read(dst);
            } finally {
                dst.limit(limit);
            }
        } else {
            n = (int) Math.min(dst.remaining(), innerSize + padding - position);
            for (int i = 0; i < n; i++) {
                dst.put((byte) 0);
            }
        }
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
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return inner.size() + padding;
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
