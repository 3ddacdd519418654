package io.callvault.sip.auth;

/** A digest challenge cannot be answered (no supported algorithm or qop, not a 401/407); says what was offered. */
public final class DigestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DigestException(String message) {
        super(message);
    }
}
