package io.callvault.media.announce;

import io.callvault.core.time.Scheduler;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.RelaySession;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A stream of G.711 silence in 20 ms RTP packets that callvault itself sends through a relay session as if
 * they came from leg {@code from}. It carries an announcement to the other leg before there is anyone on
 * {@code from} to send packets — the early announcement of an inbound call, played before the callee is
 * rung: the session's {@link Announcement} stage fills these packets with the prompt exactly as it fills
 * real ones.
 *
 * <p>Packets are scheduled against the start time (the n-th at start + n × 20 ms), so timer jitter does not
 * accumulate into drift. RTP fields: random SSRC, sequence number and timestamp start (RFC 3550 §5.1),
 * marker bit on the first packet. Thread-safe; {@link #close()} stops it.
 */
public final class PacingStream implements AutoCloseable {
    static final int SAMPLES_PER_PACKET = 160;
    private static final long PACKET_NANOS = Duration.ofMillis(20).toNanos();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RelaySession session;
    private final Leg from;
    private final int payloadType;
    private final Scheduler scheduler;
    private final int ssrc = RANDOM.nextInt();
    private final int firstSequence = RANDOM.nextInt(1 << 16);
    private final int firstTimestamp = RANDOM.nextInt();
    private final long startNanos;
    private volatile boolean closed;
    private volatile Scheduler.Cancellable next;

    private PacingStream(RelaySession session, Leg from, int payloadType, Scheduler scheduler) {
        this.session = session;
        this.from = from;
        this.payloadType = payloadType;
        this.scheduler = scheduler;
        this.startNanos = scheduler.nanoTime();
    }

    /**
     * Starts sending at once.
     *
     * @param payloadType 0 (PCMU) or 8 (PCMA): a codec the receiving leg offered
     */
    public static PacingStream start(RelaySession session, Leg from, int payloadType, Scheduler scheduler) {
        if (payloadType != 0 && payloadType != 8) {
            throw new IllegalArgumentException("a pacing stream sends PCMU (0) or PCMA (8), not payload type "
                    + payloadType);
        }
        PacingStream stream = new PacingStream(session, from, payloadType, scheduler);
        stream.send(0);
        return stream;
    }

    private void send(long n) {
        if (closed) {
            return;
        }
        session.inject(from, packet(n));
        long due = startNanos + (n + 1) * PACKET_NANOS;
        next = scheduler.schedule(Duration.ofNanos(Math.max(0, due - scheduler.nanoTime())), () -> send(n + 1));
        if (closed) {
            next.cancel();
        }
    }

    /** The n-th packet: 12-byte RTP header and 160 bytes of the codec's silence. */
    byte[] packet(long n) {
        byte[] p = new byte[12 + SAMPLES_PER_PACKET];
        int seq = (int) ((firstSequence + n) & 0xFFFF);
        int ts = (int) (firstTimestamp + n * SAMPLES_PER_PACKET);
        p[0] = (byte) 0x80;
        p[1] = (byte) ((n == 0 ? 0x80 : 0) | payloadType);
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[4] = (byte) (ts >>> 24);
        p[5] = (byte) (ts >>> 16);
        p[6] = (byte) (ts >>> 8);
        p[7] = (byte) ts;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        java.util.Arrays.fill(p, 12, p.length, payloadType == 0 ? (byte) 0xFF : (byte) 0xD5);
        return p;
    }

    @Override
    public void close() {
        closed = true;
        Scheduler.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
    }
}
