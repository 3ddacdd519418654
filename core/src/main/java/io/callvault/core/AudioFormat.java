package io.callvault.core;

import java.util.Objects;
import java.util.Set;

/**
 * How the samples of a recording are laid out: interleaved frames, one sample per channel, channel 0
 * (left) the caller and channel 1 (right) the callee for stereo call recordings.
 */
public record AudioFormat(AudioEncoding encoding, int sampleRate, int channels) {
    /** Rates a call or an import may use; G.711 is defined at 8 kHz only. */
    public static final Set<Integer> PCM_RATES = Set.of(8000, 16000, 32000, 44100, 48000);

    public static final AudioFormat STEREO_8K = new AudioFormat(AudioEncoding.PCM_S16LE, 8000, 2);
    public static final AudioFormat STEREO_16K = new AudioFormat(AudioEncoding.PCM_S16LE, 16000, 2);

    public AudioFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, not " + channels);
        }
        if (encoding == AudioEncoding.PCM_S16LE && !PCM_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("PCM sample rate must be one of " + PCM_RATES + " Hz, not " + sampleRate);
        }
        if (encoding != AudioEncoding.PCM_S16LE && sampleRate != 8000) {
            throw new IllegalArgumentException("G.711 (" + encoding + ") must be 8000 Hz, not " + sampleRate);
        }
    }

    public int bytesPerFrame() {
        return encoding.bytesPerSample() * channels;
    }

    public int bytesPerSecond() {
        return bytesPerFrame() * sampleRate;
    }

    /** Milliseconds of audio in {@code bytes} bytes of frames (rounded down). */
    public long millisFor(long bytes) {
        return bytes / bytesPerFrame() * 1000 / sampleRate;
    }

    /** Byte offset of the frame that starts at {@code millis} (rounded down to a frame). */
    public long offsetOf(long millis) {
        return millis * sampleRate / 1000 * bytesPerFrame();
    }

    @Override
    public String toString() {
        return encoding + "/" + sampleRate + "Hz/" + (channels == 2 ? "stereo" : "mono");
    }
}
