package io.callvault.media.relay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Counters of one socket. Single writer (the session's event loop), any number of readers: writes are
 * release-stores of {@code value + delta}, which on x86 and ARM cost a plain store, instead of atomic
 * read-modify-writes, which the hot path does not need with one writer.
 */
final class StreamCounters {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PACKETS_IN = 0;
    private static final int BYTES_IN = 1;
    private static final int PACKETS_FORWARDED = 2;
    private static final int BYTES_FORWARDED = 3;
    private static final int STAGE_ERRORS = 4;
    private static final int SOCKET_ERRORS = 5;
    private static final int LAST_ACCEPTED = 6;
    private static final int DROPPED = 7;
    private static final DropReason[] REASONS = DropReason.values();
    private static final long NEVER = Long.MIN_VALUE;

    private final long[] values = new long[DROPPED + REASONS.length];

    StreamCounters() {
        values[LAST_ACCEPTED] = NEVER;
    }

    void received(int bytes) {
        add(PACKETS_IN, 1);
        add(BYTES_IN, bytes);
    }

    void accepted(long nowNanos) {
        LONGS.setRelease(values, LAST_ACCEPTED, nowNanos);
    }

    void forwarded(int bytes) {
        add(PACKETS_FORWARDED, 1);
        add(BYTES_FORWARDED, bytes);
    }

    void dropped(DropReason reason) {
        add(DROPPED + reason.ordinal(), 1);
    }

    void stageError() {
        add(STAGE_ERRORS, 1);
    }

    void socketError() {
        add(SOCKET_ERRORS, 1);
    }

    /** Relay-clock time of the last accepted packet, or {@link Long#MIN_VALUE} if none; any thread. */
    long lastAcceptedNanos() {
        return get(LAST_ACCEPTED);
    }

    StreamStats snapshot(Latch latch) {
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            dropped.put(reason, get(DROPPED + reason.ordinal()));
        }
        long last = get(LAST_ACCEPTED);
        return new StreamStats(get(PACKETS_IN), get(BYTES_IN), get(PACKETS_FORWARDED), get(BYTES_FORWARDED),
                dropped, get(STAGE_ERRORS), get(SOCKET_ERRORS), latch.relatches(), latch.latched(),
                latch.declared(), last == NEVER ? OptionalLong.empty() : OptionalLong.of(last));
    }

    private void add(int index, long delta) {
        LONGS.setRelease(values, index, values[index] + delta);
    }

    private long get(int index) {
        return (long) LONGS.getAcquire(values, index);
    }
}
