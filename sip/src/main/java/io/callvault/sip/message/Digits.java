package io.callvault.sip.message;

/** Reads unsigned decimal numbers with leading zeros allowed and overflow refused (RFC 4475 §3.1.2.4). */
final class Digits {
    private Digits() {
    }

    /** The value of {@code s} if it is 1*DIGIT no greater than {@code max}; else -1. */
    static long parse(String s, long max) {
        if (s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                return -1;
            }
        }
        return value;
    }
}
