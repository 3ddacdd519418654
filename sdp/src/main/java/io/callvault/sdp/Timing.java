package io.callvault.sdp;

import java.util.List;

/**
 * A timing line {@code t=<start> <stop>} in NTP seconds, 0 meaning unbounded (RFC 8866 §5.9), with the
 * repeat lines ({@code r=}, §5.10) that follow it, kept verbatim. Calls use {@code t=0 0}.
 */
public record Timing(long start, long stop, List<String> repeats) {
    public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("timing start and stop must not be negative: " + start + " " + stop);
        }
        repeats = List.copyOf(repeats);
        repeats.forEach(r -> Tokens.text("repeat line", r));
    }

    /** The value after {@code t=}. */
    public String toValue() {
        return start + " " + stop;
    }
}
