package io.callvault.store.s3;

import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads one S3 object by ranged GETs ({@code Range: bytes=a-b}, RFC 9110 §14.1.2), fetching
 * {@code readAheadBytes} at a time into a buffer, so seeking costs nothing until bytes are read and a
 * sequential reader makes one request per buffer. Every GET carries {@code If-Match} with the ETag seen
 * when the channel was opened: if the blob is replaced meanwhile, reading fails instead of mixing bytes
 * of two versions. Not thread-safe (as FileChannel's position, the position is per channel).
 */
final class RangedReadChannel implements SeekableByteChannel {

    private final S3BlobStore store;
    private final String key;
    private final long size;
    private final String eTag;
    private final int readAhead;
    private byte[] buffer;
    private long bufferStart;
    private int bufferLength;
    private long position;
    private boolean open = true;

    RangedReadChannel(S3BlobStore store, String key, long size, String eTag, int readAhead) {
        this.store = store;
        this.key = key;
        this.size = size;
        this.eTag = eTag;
        this.readAhead = readAhead;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (position < bufferStart || position >= bufferStart + bufferLength) {
            fill(position);
        }
        int offset = (int) (position - bufferStart);
        int n = Math.min(dst.remaining(), bufferLength - offset);
        dst.put(buffer, offset, n);
        position += n;
        return n;
    }

    private void fill(long from) throws BlobStoreException {
        int length = (int) Math.min(readAhead, size - from);
        if (buffer == null) {
            buffer = new byte[(int) Math.min(readAhead, size)];
        }
        bufferLength = 0; // a failed fill must not leave stale bytes looking valid
        String range = "bytes=" + from + "-" + (from + length - 1);
        try (ResponseInputStream<GetObjectResponse> in = store.client().getObject(
                b -> b.bucket(store.bucket()).key(key).range(range).ifMatch(eTag))) {
            Long sent = in.response().contentLength();
            int n = sent != null && sent != length ? -1 : in.readNBytes(buffer, 0, length);
            if (n != length) {
                throw new BlobStoreException(store.describe() + ": blob " + key + " answered " + (n < 0 ? sent : n) + " bytes for "
                        + range + " of " + size + "; the object changed or the server ignores ranges");
            }
        } catch (S3Exception e) {
            throw switch (e.statusCode()) {
                case 404 -> new BlobNotFoundException(store.describe() + ": blob " + key
                        + " was deleted while being read");
                case 412 -> new BlobStoreException(store.describe() + ": blob " + key
                        + " was replaced while being read; open it again", e);
                default -> store.failure("cannot read " + range + " of blob " + key, e);
            };
        } catch (SdkException e) {
            throw store.failure("cannot read " + range + " of blob " + key, e);
        } catch (IOException e) {
            throw new BlobStoreException(store.describe() + ": cannot read " + range + " of blob " + key
                    + ": " + e, e);
        }
        bufferStart = from;
        bufferLength = length;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws ClosedChannelException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws ClosedChannelException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Releases the buffer; no connection is held between reads. */
    @Override
    public void close() {
        open = false;
        buffer = null;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
