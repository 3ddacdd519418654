package io.callvault.sip.transaction;

import io.callvault.sip.transport.TransportKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Every SIP transaction timer, in one place: T1, T2, T4 and the timers derived from them (RFC 3261
 * §17.1.1.1, Table 4; RFC 6026 §8.11 Timers L and M). Values for a reliable transport are zero where
 * Table 4 says so. Immutable.
 *
 * <pre>
 *  A  INVITE request retransmit, UDP   initially T1, doubling
 *  B  INVITE client timeout            64*T1
 *  D  wait for response retransmits    32 s UDP (fixed by Table 4), 0 TCP
 *  E  non-INVITE retransmit, UDP       initially T1, doubling up to T2
 *  F  non-INVITE client timeout        64*T1
 *  G  INVITE final retransmit, UDP     initially T1, doubling up to T2
 *  H  wait for ACK                     64*T1
 *  I  wait for ACK retransmits         T4 UDP, 0 TCP
 *  J  wait for request retransmits     64*T1 UDP, 0 TCP
 *  K  wait for response retransmits    T4 UDP, 0 TCP
 *  L  accepted (server, RFC 6026)      64*T1
 *  M  accepted (client, RFC 6026)      64*T1
 *  100 Trying from the INVITE server   200 ms (§17.2.1)
 * </pre>
 */
public final class SipTimers {
    public static final Duration DEFAULT_T1 = Duration.ofMillis(500);
    public static final Duration DEFAULT_T2 = Duration.ofSeconds(4);
    public static final Duration DEFAULT_T4 = Duration.ofSeconds(5);
    /** Table 4: Timer D is "&gt; 32 s for UDP", not a multiple of T1. */
    public static final Duration TIMER_D_UDP = Duration.ofSeconds(32);
    /** §17.2.1: the INVITE server sends 100 Trying if the TU has not answered within 200 ms. */
    public static final Duration TRYING_DELAY = Duration.ofMillis(200);

    /** The RFC 3261 values: T1 = 500 ms, T2 = 4 s, T4 = 5 s. */
    public static final SipTimers RFC_3261 = new SipTimers(DEFAULT_T1, DEFAULT_T2, DEFAULT_T4);

    private final Duration t1;
    private final Duration t2;
    private final Duration t4;

    public SipTimers() {
        this(DEFAULT_T1, DEFAULT_T2, DEFAULT_T4);
    }

    /** Another T1 with the default T2 and T4 (tests, or an RTT estimate per §17.1.1.1). */
    public SipTimers(Duration t1) {
        this(t1, DEFAULT_T2, DEFAULT_T4);
    }

    public SipTimers(Duration t1, Duration t2, Duration t4) {
        this.t1 = positive(t1, "T1");
        this.t2 = positive(t2, "T2");
        this.t4 = positive(t4, "T4");
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("T2 (" + t2 + ") must not be shorter than T1 (" + t1 + ")");
        }
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    public Duration t1() {
        return t1;
    }

    public Duration t2() {
        return t2;
    }

    public Duration t4() {
        return t4;
    }

    /** 64*T1: Timers B, F, H, J (UDP), L and M. */
    public Duration transactionTimeout() {
        return t1.multipliedBy(64);
    }

    /** The first interval of Timers A, E and G; each later one doubles ({@link #nextRetransmit}). */
    public Duration timerA() {
        return t1;
    }

    public Duration timerB() {
        return transactionTimeout();
    }

    public Duration timerD(TransportKind transport) {
        return transport.isReliable() ? Duration.ZERO : TIMER_D_UDP;
    }

    public Duration timerE() {
        return t1;
    }

    public Duration timerF() {
        return transactionTimeout();
    }

    public Duration timerG() {
        return t1;
    }

    public Duration timerH() {
        return transactionTimeout();
    }

    public Duration timerI(TransportKind transport) {
        return transport.isReliable() ? Duration.ZERO : t4;
    }

    public Duration timerJ(TransportKind transport) {
        return transport.isReliable() ? Duration.ZERO : transactionTimeout();
    }

    public Duration timerK(TransportKind transport) {
        return transport.isReliable() ? Duration.ZERO : t4;
    }

    /** RFC 6026 §8.11: how long an INVITE server transaction stays Accepted. */
    public Duration timerL() {
        return transactionTimeout();
    }

    /** RFC 6026 §8.11: how long an INVITE client transaction stays Accepted. */
    public Duration timerM() {
        return transactionTimeout();
    }

    public Duration tryingDelay() {
        return TRYING_DELAY;
    }

    /**
     * The interval after {@code current}: doubled, capped at T2 for Timers E and G (§17.1.2.2,
     * §17.2.1); Timer A is not capped (§17.1.1.2), so pass {@code capped = false} for it.
     */
    public Duration nextRetransmit(Duration current, boolean capped) {
        Duration doubled = current.multipliedBy(2);
        return capped && doubled.compareTo(t2) > 0 ? t2 : doubled;
    }

    @Override
    public String toString() {
        return "SipTimers[T1=" + t1.toMillis() + "ms, T2=" + t2.toMillis() + "ms, T4=" + t4.toMillis() + "ms]";
    }
}
