package io.callvault.media.relay;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where one local socket sends, and which sources it accepts (symmetric RTP latching, RFC 4961 §3).
 *
 * <p>The rule, in order, for a packet from {@code src}:
 * <ol>
 *   <li>Nothing latched yet: latch to {@code src} (first packet wins). Phones behind NAT send from an
 *       address their SDP cannot know, so the SDP address is only a first guess.</li>
 *   <li>{@code src} is the latched source: accept; any run of packets from a would-be new source ends.</li>
 *   <li>{@code src} is exactly the address the SDP declared: re-latch at once. The signalled address is
 *       the best evidence there is, and it undoes a spoofer who won the first-packet race.</li>
 *   <li>RTCP only: {@code src} has the IP of the same leg's latched RTP source: re-latch at once. RTCP
 *       comes every few seconds, so the counting rule below would leave it misdirected for half a minute
 *       after a NAT rebinding; a host already trusted for RTP is trusted for its RTCP.</li>
 *   <li>Otherwise {@code src} is a candidate and the packet is dropped. When the same candidate has sent
 *       {@link LatchPolicy#relatchPackets()} packets in a row and the latched source has been silent for
 *       {@link LatchPolicy#quietPeriod()}, the socket re-latches to it (NAT rebinding, a phone changing
 *       networks) and that packet is accepted.</li>
 * </ol>
 * A new SDP address ({@link #declare} with a different address) starts over: the latch is cleared and the
 * next packet latches again; re-declaring the same address (session refresh) changes nothing.
 *
 * <p>Limits: a spoofer who knows the port can still take over while the real phone sends nothing (silence
 * suppression, hold). Only SRTP authentication closes that; latching only keeps a live stream from being
 * stolen or mixed.
 *
 * <p>Threading: {@link #declare} may be called from any thread; everything else runs on the session's event
 * loop. {@link #latched()} is published for readers on other threads (statistics).
 */
final class Latch {
    private final LatchPolicy policy;
    private final long quietNanos;
    /** The same leg's RTP latch when this is an RTCP latch (rule 4); null for RTP. */
    private final Latch rtpSibling;

    private volatile InetSocketAddress declared;
    private InetSocketAddress declaredSeen;
    private volatile InetSocketAddress latched;
    private long lastFromLatchedNanos;
    private InetSocketAddress candidate;
    private int candidateRun;
    private volatile long relatches;

    Latch(LatchPolicy policy, Latch rtpSibling) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.quietNanos = policy.quietPeriod().toNanos();
        this.rtpSibling = rtpSibling;
    }

    /** The address the SDP gave for this socket's far end; null when not known (yet). Any thread. */
    void declare(InetSocketAddress address) {
        declared = address;
    }

    /**
     * Applies the rule to one packet. Event loop only.
     *
     * @return whether the packet comes from the (possibly just) latched source and may be relayed
     */
    boolean accept(InetSocketAddress src, long nowNanos) {
        refresh();
        InetSocketAddress current = latched;
        if (current == null || src.equals(current)) {
            if (current == null) {
                latched = src;
            }
            return acceptFromLatched(nowNanos);
        }
        if (src.equals(declaredSeen)
                || (rtpSibling != null && sameHost(src, rtpSibling.latched))) {
            return relatch(src, nowNanos);
        }
        if (src.equals(candidate)) {
            candidateRun++;
        } else {
            candidate = src;
            candidateRun = 1;
        }
        if (candidateRun >= policy.relatchPackets() && nowNanos - lastFromLatchedNanos >= quietNanos) {
            return relatch(src, nowNanos);
        }
        return false;
    }

    /** Where packets for this socket's far end go: the latched source, else the SDP address, else null. */
    InetSocketAddress target() {
        refresh();
        InetSocketAddress current = latched;
        return current != null ? current : declaredSeen;
    }

    /** The latched source, or null; any thread. */
    InetSocketAddress latched() {
        return latched;
    }

    /** The SDP address last declared, or null; any thread. */
    InetSocketAddress declared() {
        return declared;
    }

    /** Times the socket moved to a new source after its first latch; any thread. */
    long relatches() {
        return relatches;
    }

    private void refresh() {
        InetSocketAddress now = declared;
        if (now != declaredSeen) {
            boolean moved = !Objects.equals(now, declaredSeen);
            declaredSeen = now;
            if (!moved) {
                return; // a session refresh repeating the same SDP keeps the latch
            }
            latched = null;
            candidate = null;
            candidateRun = 0;
        }
    }

    private boolean relatch(InetSocketAddress src, long nowNanos) {
        latched = src;
        relatches = relatches + 1; // single writer: the event loop
        return acceptFromLatched(nowNanos);
    }

    private boolean acceptFromLatched(long nowNanos) {
        lastFromLatchedNanos = nowNanos;
        candidate = null;
        candidateRun = 0;
        return true;
    }

    private static boolean sameHost(InetSocketAddress a, InetSocketAddress b) {
        return b != null && a.getAddress().equals(b.getAddress());
    }
}
