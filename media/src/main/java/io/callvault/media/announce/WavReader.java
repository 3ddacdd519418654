package io.callvault.media.announce;

import io.callvault.media.codec.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the audio of a prompt WAV into 16-bit samples: a RIFF/WAVE file whose fmt chunk is 16-bit PCM
 * (format tag 1, or WAVE_FORMAT_EXTENSIBLE with the PCM subformat), 8-bit G.711 A-law (6) or µ-law (7),
 * 8000 Hz, one channel. Chunks other than fmt and data ({@code fact}, {@code LIST}, ...) are skipped.
 *
 * <p>Mirrors the vault's WAV header parser (media must not depend on the vault) but accepts only what a
 * call leg can play, and says how to convert anything else. Every length is checked against the bytes
 * present before it is used. Stateless.
 */
final class WavReader {
    static final int RATE = 8000;
    static final String CONVERT = "convert it with: sox in.wav -r 8000 -c 1 -b 16 out.wav";
    private static final String ACCEPTED = "prompt must be 8000 Hz mono, 16-bit PCM or 8-bit G.711 µ-law/A-law";
    private static final int TAG_PCM = 1;
    private static final int TAG_ALAW = 6;
    private static final int TAG_ULAW = 7;
    private static final int TAG_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /** The samples of {@code wav}; IllegalArgumentException naming the problem and the fix otherwise. */
    static short[] read(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !ascii(wav, 0).equals("RIFF") || !ascii(wav, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file (it does not start with a RIFF/WAVE header); "
                    + ACCEPTED + "; " + CONVERT);
        }
        int position = 12;
        Format format = null;
        while (true) {
            if (wav.length - position < 8) {
                throw new IllegalArgumentException("truncated WAV: no " + (format == null ? "fmt" : "data")
                        + " chunk before the end of the file");
            }
            String id = ascii(wav, position);
            long size = b.getInt(position + 4) & 0xFFFFFFFFL;
            position += 8;
            if (size > wav.length - position) {
                throw new IllegalArgumentException("truncated WAV: chunk '" + id.strip() + "' declares " + size
                        + " bytes but only " + (wav.length - position) + " follow");
            }
            if (id.equals("fmt ")) {
                format = format(b.slice(position, (int) size).order(ByteOrder.LITTLE_ENDIAN));
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new IllegalArgumentException("bad WAV: the data chunk comes before the fmt chunk");
                }
                return decode(format, b.slice(position, (int) size).order(ByteOrder.LITTLE_ENDIAN));
            }
            position += (int) (size + (size & 1));
        }
    }

    /** What the fmt chunk says; the codec is null for PCM. */
    private record Format(G711 codec, int bytesPerSample) {
    }

    private static Format format(ByteBuffer fmt) {
        if (fmt.remaining() < 16) {
            throw new IllegalArgumentException("bad WAV: fmt chunk of " + fmt.remaining() + " bytes (at least 16)");
        }
        int tag = fmt.getShort(0) & 0xFFFF;
        int channels = fmt.getShort(2) & 0xFFFF;
        long rate = fmt.getInt(4) & 0xFFFFFFFFL;
        int bits = fmt.getShort(14) & 0xFFFF;
        if (tag == TAG_EXTENSIBLE && fmt.remaining() >= 26) {
            tag = fmt.getShort(24) & 0xFFFF; // the SubFormat GUID starts with the format tag
        }
        String encoding = switch (tag) {
            case TAG_PCM -> bits + "-bit PCM";
            case TAG_ALAW -> bits + "-bit A-law";
            case TAG_ULAW -> bits + "-bit µ-law";
            case 3 -> bits + "-bit float";
            default -> "format tag " + tag;
        };
        boolean playable = switch (tag) {
            case TAG_PCM -> bits == 16;
            case TAG_ALAW, TAG_ULAW -> bits == 8;
            default -> false;
        };
        if (rate != RATE || channels != 1 || !playable) {
            throw new IllegalArgumentException(ACCEPTED + "; this file is " + rate + " Hz " + channelWord(channels)
                    + " " + encoding + " — " + CONVERT);
        }
        return switch (tag) {
            case TAG_ALAW -> new Format(G711.ALAW, 1);
            case TAG_ULAW -> new Format(G711.ULAW, 1);
            default -> new Format(null, 2);
        };
    }

    private static short[] decode(Format format, ByteBuffer data) {
        int n = data.remaining() / format.bytesPerSample();
        if (n == 0) {
            throw new IllegalArgumentException("WAV holds no audio (its data chunk is empty)");
        }
        if (n > Prompt.MAX_SAMPLES) {
            throw new IllegalArgumentException("prompt is " + n / RATE + " s long; at most "
                    + Prompt.MAX_SAMPLES / RATE + " s is accepted (shorten it with: sox in.wav out.wav trim 0 "
                    + Prompt.MAX_SAMPLES / RATE + ")");
        }
        short[] samples = new short[n];
        if (format.codec() == null) {
            data.asShortBuffer().get(samples, 0, n);
        } else {
            format.codec().decode(data, samples, 0);
        }
        return samples;
    }

    private static String channelWord(int channels) {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + "-channel";
        };
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
