package io.callvault.sdp;

/** Checks shared by the records: SDP fields separated by single spaces must be non-empty and space-free. */
final class Tokens {
    private Tokens() {
    }

    /** Returns {@code value} if it is a non-empty field without whitespace or control characters. */
    static String field(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(what + " must not contain spaces or control characters: '"
                        + value + "'");
            }
        }
        return value;
    }

    /** Returns {@code value} if it has no CR, LF or NUL (RFC 8866 §9 text fields). */
    static String text(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain CR, LF or NUL");
        }
        return value;
    }

    static int port(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0 to 65535, not " + port);
        }
        return port;
    }
}
