package io.callvault.vault.wav;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The parts of a RIFF/WAVE header that matter to us: the sample format and the length of the data
 * chunk. {@link #read} consumes the stream up to the first byte of audio.
 *
 * <p>Accepted: 16-bit PCM (format tag 1 or WAVE_FORMAT_EXTENSIBLE with PCM subformat), 8-bit G.711
 * µ-law (7) and A-law (6); mono or stereo; rates per {@link AudioFormat}. Anything else is refused with
 * a one-line reason.
 */
public record WavHeader(AudioFormat format, long dataLength) {
    /** Upper bound on non-audio chunks we skip (LIST, fact, ...), so garbage cannot make us read forever. */
    private static final long MAX_SKIPPED_BYTES = 1 << 20;
    private static final int TAG_PCM = 1;
    private static final int TAG_EXTENSIBLE = 0xFFFE;

    /**
     * Reads the header.
     *
     * @param totalSize the size of the whole input if known (a file), or -1; used to refuse a data chunk
     *                  that claims more bytes than exist before anything is stored
     */
    public static WavHeader read(InputStream in, long totalSize) throws InvalidWavException, IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 4 || !ascii(riff, 0).equals("RIFF")) {
            throw new InvalidWavException("not a WAV file (it does not start with a RIFF/WAVE header)");
        }
        if (riff.length < 12) {
            throw new InvalidWavException("truncated WAV header (input ends inside the RIFF header)");
        }
        if (!ascii(riff, 8).equals("WAVE")) {
            throw new InvalidWavException("not a WAV file (it does not start with a RIFF/WAVE header)");
        }
        long consumed = 12;
        AudioFormat format = null;
        long skipped = 0;
        while (true) {
            byte[] chunk = readFully(in, 8, format == null ? "the fmt chunk" : "the data chunk");
            consumed += 8;
            String id = ascii(chunk, 0);
            long size = le(chunk).getInt(4) & 0xFFFFFFFFL;
            if (id.equals("fmt ")) {
                if (size < 16 || size > 64) {
                    throw new InvalidWavException("bad WAV fmt chunk size " + size + " (expected 16 to 64)");
                }
                format = parseFormat(readFully(in, (int) size, "the fmt chunk"));
                consumed += size;
                consumed += skipPadding(in, size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new InvalidWavException("bad WAV: the data chunk comes before the fmt chunk");
                }
                if (size == 0) {
                    throw new InvalidWavException("WAV holds no audio (its data chunk is empty)");
                }
                if (totalSize >= 0 && consumed + size > totalSize) {
                    throw new InvalidWavException("truncated WAV: the data chunk declares " + size + " bytes but only "
                            + (totalSize - consumed) + " follow");
                }
                if (size % format.bytesPerFrame() != 0) {
                    throw new InvalidWavException("bad WAV: data length " + size + " is not a whole number of "
                            + format.bytesPerFrame() + "-byte frames");
                }
                return new WavHeader(format, size);
            } else {
                skipped += size + (size & 1);
                if (skipped > MAX_SKIPPED_BYTES) {
                    throw new InvalidWavException("bad WAV: more than 1 MiB of non-audio chunks before the data");
                }
                skipFully(in, size + (size & 1), "chunk '" + id.strip() + "'");
                consumed += size + (size & 1);
            }
        }
    }

    private static AudioFormat parseFormat(byte[] fmt) throws InvalidWavException {
        ByteBuffer b = le(fmt);
        int tag = b.getShort(0) & 0xFFFF;
        int channels = b.getShort(2) & 0xFFFF;
        long rate = b.getInt(4) & 0xFFFFFFFFL;
        int blockAlign = b.getShort(12) & 0xFFFF;
        int bits = b.getShort(14) & 0xFFFF;
        if (tag == TAG_EXTENSIBLE) {
            if (fmt.length < 40) {
                throw new InvalidWavException("bad WAV: WAVE_FORMAT_EXTENSIBLE fmt chunk is shorter than 40 bytes");
            }
            tag = b.getShort(24) & 0xFFFF; // first two bytes of the SubFormat GUID are the format tag
        }
        AudioEncoding encoding = switch (tag) {
            case TAG_PCM -> AudioEncoding.PCM_S16LE;
            case 6 -> AudioEncoding.ALAW;
            case 7 -> AudioEncoding.MULAW;
            case 3 -> throw new InvalidWavException("unsupported WAV encoding: IEEE float; callvault imports 16-bit "
                    + "PCM, G.711 µ-law or A-law (convert with: sox in.wav -b 16 -e signed-integer out.wav)");
            default -> throw new InvalidWavException("unsupported WAV encoding (format tag " + tag + "); callvault "
                    + "imports 16-bit PCM, G.711 µ-law or A-law");
        };
        int expectedBits = encoding == AudioEncoding.PCM_S16LE ? 16 : 8;
        if (bits != expectedBits) {
            throw new InvalidWavException("unsupported WAV: " + bits + "-bit " + encoding + "; callvault imports "
                    + (encoding == AudioEncoding.PCM_S16LE ? "16-bit PCM" : "8-bit G.711"));
        }
        if (channels < 1 || channels > 2) {
            throw new InvalidWavException("unsupported WAV: " + channels + " channels (mono or stereo only)");
        }
        AudioFormat format;
        try {
            format = new AudioFormat(encoding, (int) Math.min(rate, Integer.MAX_VALUE), channels);
        } catch (IllegalArgumentException e) {
            throw new InvalidWavException("unsupported WAV: " + e.getMessage());
        }
        if (blockAlign != format.bytesPerFrame()) {
            throw new InvalidWavException("bad WAV: block align " + blockAlign + " does not match " + channels
                    + " channel(s) of " + bits + "-bit samples");
        }
        return format;
    }

    private static long skipPadding(InputStream in, long size) throws IOException, InvalidWavException {
        if ((size & 1) == 1) {
            skipFully(in, 1, "padding");
            return 1;
        }
        return 0;
    }

    private static byte[] readFully(InputStream in, int n, String what) throws IOException, InvalidWavException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new InvalidWavException("truncated WAV header (input ends inside " + what + ")");
        }
        return b;
    }

    private static void skipFully(InputStream in, long n, String what) throws IOException, InvalidWavException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new InvalidWavException("truncated WAV (input ends inside " + what + ")");
                }
                s = 1;
            }
            left -= s;
        }
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
