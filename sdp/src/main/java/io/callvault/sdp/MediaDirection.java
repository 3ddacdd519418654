package io.callvault.sdp;

import java.util.Optional;

/**
 * The direction attributes of RFC 8866 §6.7, seen from the side that wrote them. A section without one is
 * {@link #SENDRECV} unless the session level says otherwise.
 */
public enum MediaDirection {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    MediaDirection(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    public static MediaDirection of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    /** The direction named by an attribute such as {@code sendonly}; empty for any other name. */
    public static Optional<MediaDirection> fromAttribute(String name) {
        for (MediaDirection d : values()) {
            if (d.attributeName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public String attributeName() {
        return attributeName;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /**
     * What an answerer willing to send and receive answers to this offered direction (RFC 3264 §6.1):
     * sendonly is answered recvonly, recvonly sendonly, inactive inactive, sendrecv sendrecv.
     */
    public MediaDirection answer() {
        return of(receives, sends);
    }

    /** This direction without receiving: what an offer with connection address 0.0.0.0 amounts to. */
    public MediaDirection withoutReceiving() {
        return of(sends, false);
    }

    /** The direction that puts the peer on hold from this one (RFC 3264 §8.4): stop receiving. */
    public MediaDirection hold() {
        return withoutReceiving();
    }

    /** The direction that resumes from hold: receive again. */
    public MediaDirection resume() {
        return of(sends, true);
    }
}
