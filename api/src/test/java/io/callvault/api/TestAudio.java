package io.callvault.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files for tests: 16-bit PCM stereo 8 kHz whose every frame differs, so a misplaced byte shows. */
final class TestAudio {
    static final int RATE = 8000;
    static final int CHANNELS = 2;

    private TestAudio() {
    }

    /** A complete 44-byte-header PCM WAV file of {@code seconds}, stereo. */
    static byte[] wav(double seconds) {
        return wav(seconds, CHANNELS);
    }

    /** A mono one, the form of a recording announcement. */
    static byte[] monoWav(double seconds) {
        return wav(seconds, 1);
    }

    private static byte[] wav(double seconds, int channels) {
        int frames = (int) (RATE * seconds);
        int dataBytes = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(RATE)
                .putInt(RATE * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                b.putShort((short) (Math.sin(i * (0.05 + 0.01 * c)) * 9000 + (i * 31 + c * 7) % 251));
            }
        }
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
