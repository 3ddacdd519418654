package io.callvault.media.announce;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes WAV files byte by byte, independently of the reader under test, laid out as SoX writes them. */
final class Wavs {
    static final int PCM = 1;
    static final int ALAW = 6;
    static final int ULAW = 7;
    static final int EXTENSIBLE = 0xFFFE;

    private Wavs() {
    }

    /** 16-bit PCM: a 16-byte fmt chunk, then data. */
    static byte[] pcm16(int rate, int channels, short[] interleaved) {
        ByteBuffer data = le(interleaved.length * 2);
        data.asShortBuffer().put(interleaved);
        return wav(PCM, rate, channels, 16, data.array());
    }

    /** G.711 as SoX writes it: an 18-byte fmt chunk (cbSize 0) and a fact chunk before the data. */
    static byte[] g711(int tag, byte[] codes) {
        ByteBuffer fmt = fmt(tag, 8000, 1, 8, 18);
        ByteBuffer fact = le(4).putInt(codes.length);
        return riff(chunk("fmt ", fmt.array()), chunk("fact", fact.array()), chunk("data", codes));
    }

    static byte[] wav(int tag, int rate, int channels, int bits, byte[] data) {
        return riff(chunk("fmt ", fmt(tag, rate, channels, bits, 16).array()), chunk("data", data));
    }

    static ByteBuffer fmt(int tag, int rate, int channels, int bits, int size) {
        int align = channels * bits / 8;
        ByteBuffer fmt = le(size);
        fmt.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * align)
                .putShort((short) align).putShort((short) bits);
        return fmt;
    }

    /** A chunk with its 8-byte header and, for an odd size, the pad byte. */
    static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = le(8 + body.length + (body.length & 1));
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    static byte[] riff(byte[]... chunks) {
        int size = 4;
        for (byte[] c : chunks) {
            size += c.length;
        }
        ByteBuffer b = le(8 + size);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            b.put(c);
        }
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
