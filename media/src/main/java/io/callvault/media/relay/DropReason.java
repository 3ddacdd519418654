package io.callvault.media.relay;

/** Why a received packet was not forwarded. Drops are counted per socket, never thrown or logged per packet. */
public enum DropReason {
    /** The other leg's far end is not known yet: no SDP address and no packet latched. */
    NO_REMOTE,
    /** Sent from a source other than the latched one and not (yet) allowed to re-latch; see {@link Latch}. */
    UNTRUSTED_SOURCE,
    /** Not an RTP/RTCP version 2 packet or shorter than its fixed header (STUN, garbage). */
    MALFORMED,
    /** A {@link RelayStage.Rewrite} stage refused it, or threw (rewriters fail closed). */
    STAGE,
    /** The outgoing socket's queue was over its high-water mark; UDP media is better late-dropped than queued. */
    BACKPRESSURE,
    /** Arrived while the session was closing. */
    CLOSED
}
