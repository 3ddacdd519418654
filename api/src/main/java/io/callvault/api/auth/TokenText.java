package io.callvault.api.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API token, {@code cvt_<id>_<secret>}: a fixed prefix (so leaked tokens are easy to scan
 * for), the public id (16 hex digits, used to find and revoke the token) and the secret (32 random bytes,
 * base64url, 43 characters). Only the secret's SHA-256 is stored.
 */
public record TokenText(String id, String secret) {
    public static final String PREFIX = "cvt_";
    private static final Pattern FORM = Pattern.compile("cvt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

    public static TokenText generate() {
        return new TokenText(Secrets.randomHex(8), Secrets.random(Secrets.SECRET_BYTES));
    }

    /** The token in a bearer header, or empty if it does not have the token form. */
    public static Optional<TokenText> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        return m.matches() ? Optional.of(new TokenText(m.group(1), m.group(2))) : Optional.empty();
    }

    public String secretHash() {
        return Secrets.sha256Hex(secret);
    }

    /** The full token, shown once at creation. */
    public String text() {
        return PREFIX + id + "_" + secret;
    }

    @Override
    public String toString() {
        return "TokenText[" + id + "]";
    }
}
