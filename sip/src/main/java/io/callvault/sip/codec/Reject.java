package io.callvault.sip.codec;

/**
 * Internal signal from the parsing steps to {@link SipParser}, which turns it into a
 * {@link ParseResult.Failed}; it never leaves the package. No stack trace: bad input is routine.
 */
final class Reject extends Exception {
    private static final long serialVersionUID = 1L;

    final int offset;
    final int status;

    Reject(int offset, String reason) {
        this(offset, reason, 400);
    }

    Reject(int offset, String reason, int status) {
        super(reason, null, false, false);
        this.offset = offset;
        this.status = status;
    }
}
