package io.callvault.media.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * When a socket's remote address follows the packets rather than the SDP (symmetric RTP, RFC 4961; the
 * behaviour SBCs call "latching"). The full rule is in {@link Latch}; the two numbers here decide how hard
 * it is to steal a latched stream:
 *
 * @param relatchPackets consecutive packets a new source must send, with none from the latched source in
 *                       between, before the socket moves to it
 * @param quietPeriod    how long the latched source must have been silent before it can be replaced; a
 *                       spoofer racing a live stream (one packet every 20 ms) never sees such a gap, a phone
 *                       whose NAT mapping changed leaves one at once
 */
public record LatchPolicy(int relatchPackets, Duration quietPeriod) {
    /** 5 packets and 200 ms: a NAT rebinding costs about 200 ms of audio, once. */
    public static final LatchPolicy DEFAULT = new LatchPolicy(5, Duration.ofMillis(200));

    public LatchPolicy {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (relatchPackets < 1 || relatchPackets > 1000) {
            throw new IllegalArgumentException("relatchPackets must be 1-1000, not " + relatchPackets);
        }
        if (quietPeriod.isNegative() || quietPeriod.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("quietPeriod must be 0-60 s, not " + quietPeriod);
        }
    }

    public LatchPolicy withRelatchPackets(int packets) {
        return new LatchPolicy(packets, quietPeriod);
    }

    public LatchPolicy withQuietPeriod(Duration quiet) {
        return new LatchPolicy(relatchPackets, quiet);
    }
}
