package io.callvault.sip.b2bua;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random tokens for tags and Call-IDs (RFC 3261 §19.3: at least 32 bits of randomness). */
final class Tags {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tags() {
    }

    static String random() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String callId(String host) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b) + "@" + host;
    }
}
