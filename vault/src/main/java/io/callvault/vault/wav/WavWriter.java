package io.callvault.vault.wav;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Canonical WAV headers for export: 44 bytes for PCM; for G.711 an 18-byte fmt chunk plus a fact chunk
 * (58 bytes), as the WAVE spec asks of non-PCM formats. The audio frames follow unchanged.
 */
public final class WavWriter {
    /** RIFF sizes are 32-bit. */
    public static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 58;

    private WavWriter() {
    }

    public static int headerLength(AudioFormat format) {
        return format.encoding() == AudioEncoding.PCM_S16LE ? 44 : 58;
    }

    public static byte[] header(AudioFormat format, long dataBytes) {
        if (dataBytes < 0 || dataBytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("WAV data length out of range: " + dataBytes);
        }
        boolean pcm = format.encoding() == AudioEncoding.PCM_S16LE;
        int headerLength = headerLength(format);
        ByteBuffer b = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (headerLength - 8 + dataBytes)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(pcm ? 16 : 18);
        b.putShort((short) format.encoding().wavFormatTag());
        b.putShort((short) format.channels());
        b.putInt(format.sampleRate());
        b.putInt(format.bytesPerSecond());
        b.putShort((short) format.bytesPerFrame());
        b.putShort((short) (format.encoding().bytesPerSample() * 8));
        if (!pcm) {
            b.putShort((short) 0); // cbSize
            b.put(ascii("fact")).putInt(4).putInt((int) (dataBytes / format.bytesPerFrame()));
        }
        b.put(ascii("data")).putInt((int) dataBytes);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
