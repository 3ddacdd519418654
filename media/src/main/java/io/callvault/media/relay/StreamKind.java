package io.callvault.media.relay;

/** Which of a leg's two sockets: RTP (even port) or RTCP (RTP + 1, RFC 3550 §11). */
public enum StreamKind {
    RTP, RTCP
}
