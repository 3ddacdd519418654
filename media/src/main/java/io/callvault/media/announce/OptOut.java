package io.callvault.media.announce;

import java.time.Duration;
import java.util.Objects;

/**
 * The offer to refuse recording: pressing {@code key} on an announced leg while the announcement plays, or
 * within {@code grace} after it ended, opts that party out.
 *
 * @param key   a DTMF key: 0–9, *, #, A–D (RFC 4733 §3.2 events 0–15)
 * @param grace how long after the last prompt sample a press still counts; zero for "only while playing"
 */
public record OptOut(char key, Duration grace) {
    private static final String KEYS = "0123456789*#ABCD";

    public OptOut {
        if (KEYS.indexOf(key) < 0) {
            throw new IllegalArgumentException("opt-out key must be a DTMF key (one of " + KEYS + "), not '" + key + "'");
        }
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("opt-out grace period must not be negative, not " + grace);
        }
    }

    /** The RFC 4733 event number of {@link #key}. */
    public int event() {
        return KEYS.indexOf(key);
    }
}
