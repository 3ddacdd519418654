package io.callvault.media.rtp;

/** The result of validating a (compound) RTCP packet against RFC 3550 §6.4 and Appendix A.2. */
public enum RtcpCheck {
    VALID("valid"),
    TOO_SHORT("shorter than a header and an SSRC (8 bytes)"),
    BAD_VERSION("version is not 2"),
    NOT_RTCP("packet type outside the RTCP range 192-223 (RFC 5761 §4)"),
    LENGTH_OVERRUN("a length field runs past the end of the packet"),
    TRAILING_BYTES("bytes left after the last packet that do not form a header");

    private final String reason;

    RtcpCheck(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public boolean isValid() {
        return this == VALID;
    }
}
