package io.callvault.media.relay;

/**
 * An RTP port and its RTCP companion. RFC 3550 §11: RTP uses an even port and RTCP the next odd one; SDP
 * without {@code a=rtcp} (RFC 3605) implies exactly this pairing, so the relay never hands out anything else.
 */
public record PortPair(int rtp, int rtcp) {
    public PortPair {
        if (rtp <= 0 || rtp > 65534 || (rtp & 1) != 0) {
            throw new IllegalArgumentException("RTP port must be even and in 2-65534, not " + rtp);
        }
        if (rtcp != rtp + 1) {
            throw new IllegalArgumentException("RTCP port must be RTP + 1 (" + (rtp + 1) + "), not " + rtcp);
        }
    }

    public static PortPair ofRtp(int rtp) {
        return new PortPair(rtp, rtp + 1);
    }

    @Override
    public String toString() {
        return rtp + "/" + rtcp;
    }
}
