package io.callvault.media.rtp;

/**
 * The result of validating an RTP header against RFC 3550 §5.1 (and the checks of Appendix A.1 that need no
 * session state). A closed set so that drops can be counted per reason.
 */
public enum RtpCheck {
    VALID("valid"),
    TOO_SHORT("shorter than the 12-byte fixed header"),
    BAD_VERSION("version is not 2"),
    CSRC_OVERRUN("the CSRC list runs past the end of the packet"),
    EXTENSION_OVERRUN("the header extension runs past the end of the packet"),
    BAD_PADDING("padding count is 0 or longer than the payload");

    private final String reason;

    RtpCheck(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public boolean isValid() {
        return this == VALID;
    }
}
