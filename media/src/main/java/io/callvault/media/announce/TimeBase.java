package io.callvault.media.announce;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The relay's nanosecond clock and the wall time it corresponds to, so that evidence can say when
 * something happened in the same time base as the packets' arrival stamps.
 *
 * @param nanos       the clock the relay stamps packets with ({@code System.nanoTime} unless injected)
 * @param origin      the wall time at {@code originNanos}
 * @param originNanos a reading of {@code nanos} taken at {@code origin}
 */
public record TimeBase(LongSupplier nanos, Instant origin, long originNanos) {
    public TimeBase {
        Objects.requireNonNull(nanos, "nanos");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code System.nanoTime} tied to {@code wall} now: for a relay on the default clock. */
    public static TimeBase system(InstantSource wall) {
        long now = System.nanoTime();
        return new TimeBase(System::nanoTime, wall.instant(), now);
    }

    /** {@code nanos} tied to {@code wall} now: for a relay opened with an injected clock. */
    public static TimeBase of(LongSupplier nanos, InstantSource wall) {
        long now = nanos.getAsLong();
        return new TimeBase(nanos, wall.instant(), now);
    }

    public long now() {
        return nanos.getAsLong();
    }

    /** The wall time of relay clock reading {@code nanos}. */
    public Instant toInstant(long nanos) {
        return origin.plusNanos(nanos - originNanos);
    }
}
