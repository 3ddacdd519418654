package io.callvault.server.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Prompt files for tests: 8000 Hz mono 16-bit PCM WAV of a tone, so different tones have different hashes. */
final class PromptWavs {
    private PromptWavs() {
    }

    /** {@code millis} of a sine at {@code hertz}, as a complete WAV file. */
    static byte[] tone(int hertz, int millis) {
        return wav(hertz, millis, 1, 8000);
    }

    /** The same at another rate and channel count, which prompts refuse. */
    static byte[] wav(int hertz, int millis, int channels, int rate) {
        int frames = rate * millis / 1000;
        int dataBytes = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * hertz * i / rate) * 8000);
            for (int c = 0; c < channels; c++) {
                b.putShort(sample);
            }
        }
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
