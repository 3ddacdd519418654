package io.callvault.vault.spi;

import java.util.Objects;

/** A time range of a recording, in milliseconds from its start, with why it is special. */
public record Segment(long startMillis, long endMillis, SegmentKind kind, String reason) {
    public Segment {
        Objects.requireNonNull(kind, "kind");
        if (startMillis < 0 || endMillis < startMillis) {
            throw new IllegalArgumentException("segment range must satisfy 0 <= start <= end, got "
                    + startMillis + ".." + endMillis);
        }
        reason = reason == null ? "" : reason;
    }
}
