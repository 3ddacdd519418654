package io.callvault.server;

import io.callvault.core.AudioFormat;

/** Deterministic test audio addressable by byte offset, so two processes agree on what was written. */
public final class TestAudio {
    private TestAudio() {
    }

    /** {@code length} bytes of the endless test signal starting at byte {@code offset} (frame aligned). */
    public static byte[] slice(AudioFormat fmt, long offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += 2) {
            long sampleIndex = (offset + i) / 2;
            short s = (short) (6000 * Math.sin(sampleIndex * 0.031) + (sampleIndex * 13) % 251);
            out[i] = (byte) s;
            out[i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
