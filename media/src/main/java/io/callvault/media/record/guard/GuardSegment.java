package io.callvault.media.record.guard;

import java.util.Objects;

/**
 * A range of the recording's timeline the guard changed, in samples (8000 per second) from its start.
 *
 * @param kind    {@code PAUSED}: both channels replaced (payment, manual pause); {@code MASKED}: one channel's
 *                DTMF digit replaced
 * @param trigger what caused it, e.g. "api", "feature-code", "card-number", "payment-route", "dtmf"
 * @param reason  for people; never contains a digit that was keyed
 * @param by      who asked (a user name, "agent", "auto")
 */
public record GuardSegment(Kind kind, long startSample, long endSample, String trigger, String reason, String by) {
    public enum Kind {
        PAUSED,
        MASKED
    }

    public GuardSegment {
        Objects.requireNonNull(kind, "kind");
        if (startSample < 0 || endSample < startSample) {
            throw new IllegalArgumentException("segment must satisfy 0 <= start <= end, not " + startSample + ".."
                    + endSample);
        }
        trigger = trigger == null ? "" : trigger;
        reason = reason == null ? "" : reason;
        by = by == null ? "" : by;
    }

    public long startMillis() {
        return startSample / 8;
    }

    public long endMillis() {
        return endSample / 8;
    }
}
