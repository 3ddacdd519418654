package io.callvault.media.dtmf;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DtmfMasker} treats one direction.
 *
 * @param replacement            what masked audio becomes
 * @param guard                  masked before and after each key's detected range, 5–200 ms, in whole
 *                               samples (125 µs): covers the tone's edges, which the detector places only
 *                               to within about 5 ms, and the ramps of real keypads
 * @param delay                  how far the audio is held back, in whole samples; at least the detector's
 *                               confirmation delay (40 ms) plus {@code guard}, so that masking reaches back
 *                               to the start of a key before its first sample is sent, and at most 500 ms
 * @param forwardTelephoneEvents pass RFC 4733 telephone-event packets on (toward a payment IVR that needs
 *                               the keys) instead of dropping them (toward an agent who must not see them)
 */
public record MaskSettings(Replacement replacement, Duration guard, Duration delay, boolean forwardTelephoneEvents) {
    /** Silence, 20 ms guard, 60 ms delay (the least the guard allows), telephone-events dropped. */
    public static final MaskSettings DEFAULTS = new MaskSettings(Replacement.SILENCE, Duration.ofMillis(20),
            Duration.ofMillis(60), false);

    public MaskSettings {
        Objects.requireNonNull(replacement, "replacement");
        int guardSamples = samples("guard", guard);
        int delaySamples = samples("delay", delay);
        if (guardSamples < DtmfDetector.HOP || guard.toMillis() > 200) {
            throw new IllegalArgumentException("the masking guard must be 5 to 200 ms, not " + guard.toMillis() + " ms");
        }
        int least = DtmfDetector.CONFIRMATION_DELAY + guardSamples;
        if (delaySamples < least || delay.toMillis() > 500) {
            throw new IllegalArgumentException("the masking delay must be at least 40 ms plus the guard ("
                    + least / 8 + " ms) and at most 500 ms, not " + delay.toMillis() + " ms: a shorter delay"
                    + " would send the start of a key before it is recognised");
        }
    }

    public MaskSettings withReplacement(Replacement replacement) {
        return new MaskSettings(replacement, guard, delay, forwardTelephoneEvents);
    }

    public MaskSettings withGuard(Duration guard) {
        return new MaskSettings(replacement, guard, delay, forwardTelephoneEvents);
    }

    public MaskSettings withDelay(Duration delay) {
        return new MaskSettings(replacement, guard, delay, forwardTelephoneEvents);
    }

    public MaskSettings withForwardTelephoneEvents(boolean forward) {
        return new MaskSettings(replacement, guard, delay, forward);
    }

    /** {@code guard} in samples at 8000 Hz. */
    public int guardSamples() {
        return samples("guard", guard);
    }

    /** {@code delay} in samples at 8000 Hz. */
    public int delaySamples() {
        return samples("delay", delay);
    }

    private static int samples(String what, Duration d) {
        Objects.requireNonNull(d, what);
        long nanos = d.toNanos();
        if (nanos < 0 || nanos % 125_000 != 0 || nanos > 1_000_000_000) {
            throw new IllegalArgumentException("the masking " + what + " must be whole 8 kHz samples (125 µs)"
                    + " between 0 and 1 s, not " + d);
        }
        return (int) (nanos / 125_000);
    }
}
