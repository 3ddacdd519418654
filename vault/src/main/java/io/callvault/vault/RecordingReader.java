package io.callvault.vault;

import io.callvault.vault.spi.BlobStoreException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.wav.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads one sealed recording's audio with random access: a read at any position decrypts only the 16 KiB
 * segments it touches. Every segment is authenticated before a byte of it is returned, so altered,
 * reordered or foreign segments fail with {@link RecordingIntegrityException}, never as garbage audio.
 * Blob size and header were checked when the reader was opened (truncation, swapped blobs).
 *
 * <p>Not thread-safe; open one reader per consumer.
 */
public final class RecordingReader implements AutoCloseable {
    private static final int COPY_BUFFER = 64 * 1024;

    private final RecordingRow row;
    private final SeekableByteChannel plaintext;

    RecordingReader(RecordingRow row, SeekableByteChannel plaintext) {
        this.row = row;
        this.plaintext = plaintext;
    }

    public RecordingRow row() {
        return row;
    }

    /** Bytes of audio frames (without any WAV header). */
    public long audioLength() {
        return row.plaintextBytes();
    }

    /** Reads audio bytes at {@code position}; returns -1 at the end. */
    public int read(long position, ByteBuffer dst) throws IOException {
        if (position >= audioLength()) {
            return -1;
        }
        int limit = dst.limit();
        long left = audioLength() - position;
        if (dst.remaining() > left) {
            dst.limit(dst.position() + (int) left);
        }
        try {
            plaintext.position(position);
            return plaintext.read(dst);
        } catch (BlobStoreException e) {
            throw e;
        } catch (IOException e) {
            throw new RecordingIntegrityException(row.id(), "a segment near byte " + position
                    + " does not authenticate (" + e.getMessage() + ")", e);
        } finally {
            dst.limit(limit);
        }
    }

    /** A stream of the audio bytes in [from, to), decrypting lazily; for HTTP ranges and seeking. */
    public InputStream audioStream(long from, long to) {
        if (from < 0 || to > audioLength() || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside 0.." + audioLength());
        }
        return new InputStream() {
            private long pos = from;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= to) {
                    return -1;
                }
                int n = RecordingReader.this.read(pos, ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)));
                if (n > 0) {
                    pos += n;
                }
                return n;
            }
        };
    }

    /**
     * Writes the whole recording as a WAV file and verifies the plaintext SHA-256 sealed with it. On a
     * mismatch the exception comes after the last byte, so callers writing to a file must delete it.
     */
    public void writeWav(OutputStream out) throws IOException {
        out.write(WavWriter.header(row.format(), audioLength()));
        copyVerified(out);
    }

    /** Copies all audio bytes, then checks their SHA-256 against the sealed digest. */
    public void copyVerified(OutputStream out) throws IOException {
        MessageDigest sha = Digests.sha256();
        byte[] buf = new byte[COPY_BUFFER];
        long pos = 0;
        while (pos < audioLength()) {
            int n = read(pos, ByteBuffer.wrap(buf));
            if (n <= 0) {
                throw new RecordingIntegrityException(row.id(), "audio ends at byte " + pos + " of " + audioLength(),
                        null);
            }
            sha.update(buf, 0, n);
            out.write(buf, 0, n);
            pos += n;
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(row.plaintextSha256())) {
            throw new RecordingIntegrityException(row.id(), "SHA-256 of the audio is " + actual + ", sealed as "
                    + row.plaintextSha256(), null);
        }
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }
}
