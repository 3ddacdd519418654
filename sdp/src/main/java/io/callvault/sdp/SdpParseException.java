package io.callvault.sdp;

/**
 * An SDP body that cannot be used: {@link #line()} is the 1-based line number (0 when the body as a whole is
 * at fault, e.g. too large) and {@link #reason()} says what is wrong there. A SIP user agent answers such an
 * offer with 400 or 488 and a Warning carrying the message.
 */
public final class SdpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    public SdpParseException(int line, String reason, String text) {
        super(SdpParseResult.Failed.describe(line, reason, text));
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
