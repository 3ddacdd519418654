package io.callvault.api.recordings;

import io.callvault.vault.RecordingReader;
import io.callvault.vault.wav.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Bytes {@code [from, to)} of the virtual WAV file of a recording: the canonical WAV header
 * ({@link WavWriter#header}, 44 bytes for PCM, 58 for G.711) followed by the audio frames. Audio is read
 * through {@link RecordingReader#read(long, ByteBuffer)}, which decrypts (and authenticates) only the
 * segments a read touches, so a range deep inside a long recording does not decrypt from the start.
 *
 * <p>Owns the reader: closing the stream closes it. Not thread-safe. An authentication failure surfaces
 * as an IOException mid-stream (the HTTP response is then cut short; the client never gets unverified audio).
 */
final class WavStream extends InputStream {
    private final RecordingReader reader;
    private final byte[] header;
    private final long end;
    private long pos;

    /** @param to exclusive; {@code 0 <= from <= to <= totalLength(reader)} */
    WavStream(RecordingReader reader, long from, long to) {
        this.reader = reader;
        this.header = WavWriter.header(reader.row().format(), reader.audioLength());
        if (from < 0 || from > to || to > header.length + reader.audioLength()) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside the WAV file");
        }
        this.pos = from;
        this.end = to;
    }

    /** Size of the whole WAV file: header plus audio. */
    static long totalLength(RecordingReader reader) {
        return WavWriter.headerLength(reader.row().format()) + reader.audioLength();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, end - pos);
        if (pos < header.length) {
            int n = (int) Math.min(want, header.length - pos);
            System.arraycopy(header, (int) pos, b, off, n);
            pos += n;
            return n;
        }
        int n = reader.read(pos - header.length, ByteBuffer.wrap(b, off, want));
        if (n <= 0) {
            throw new IOException("the audio ended at WAV byte " + pos + " before the declared " + end);
        }
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
