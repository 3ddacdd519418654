package io.callvault.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Digest algorithms callvault speaks (RFC 8760 §2.1, RFC 7616 §3.4.2): SHA-256, preferred, and MD5 for
 * older phones and trunks. The "-sess" variants and SHA-512-256 are not supported; a challenge that
 * offers only those is refused with a clear error.
 */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The value of the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** The algorithm named by an {@code algorithm} parameter; absent means MD5 (RFC 7616 §3.3). */
    public static Optional<DigestAlgorithm> fromToken(Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.of(MD5);
        }
        return switch (token.get().toUpperCase(Locale.ROOT)) {
            case "MD5" -> Optional.of(MD5);
            case "SHA-256" -> Optional.of(SHA_256);
            default -> Optional.empty();
        };
    }

    /** Lower-case hex of the hash of the UTF-8 bytes of {@code input}. */
    String hex(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName)
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required of every Java runtime", e);
        }
    }

    /** Length of a hex digest of this algorithm. */
    int hexLength() {
        return this == MD5 ? 32 : 64;
    }
}
