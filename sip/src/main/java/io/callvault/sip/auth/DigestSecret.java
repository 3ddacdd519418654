package io.callvault.sip.auth;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows about a user's password: the password itself, or HA1 = H(username:realm:password)
 * for one algorithm, which is how a user database should store it. {@code toString} never shows either.
 */
public sealed interface DigestSecret {

    /** HA1 for this user, realm and algorithm, or empty if this secret cannot produce it. */
    Optional<String> ha1(DigestAlgorithm algorithm, String username, String realm);

    /** A cleartext password; prefer {@link Ha1} in storage. */
    record Password(String cleartext) implements DigestSecret {
        public Password {
            Objects.requireNonNull(cleartext, "cleartext");
        }

        @Override
        public Optional<String> ha1(DigestAlgorithm algorithm, String username, String realm) {
            return Optional.of(DigestMath.ha1(algorithm, username, realm, cleartext));
        }

        @Override
        public String toString() {
            return "Password[redacted]";
        }
    }

    /** A stored HA1 in hex for one algorithm; it verifies only responses made with that algorithm. */
    record Ha1(DigestAlgorithm algorithm, String hex) implements DigestSecret {
        public Ha1 {
            Objects.requireNonNull(algorithm, "algorithm");
            hex = Objects.requireNonNull(hex, "hex").toLowerCase(Locale.ROOT);
            if (hex.length() != algorithm.hexLength() || !hex.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("an " + algorithm.token() + " HA1 is " + algorithm.hexLength()
                        + " hex digits; got " + hex.length() + " characters");
            }
        }

        @Override
        public Optional<String> ha1(DigestAlgorithm requested, String username, String realm) {
            return requested == algorithm ? Optional.of(hex) : Optional.empty();
        }

        @Override
        public String toString() {
            return "Ha1[" + algorithm.token() + ", redacted]";
        }
    }

    /**
     * Stored HA1 values for several algorithms (RFC 8760: a user database keeps one per algorithm it offers,
     * so both SHA-256 and MD5 phones can log in without the password being stored).
     */
    record Ha1Set(java.util.Map<DigestAlgorithm, String> hexByAlgorithm) implements DigestSecret {
        public Ha1Set {
            java.util.Map<DigestAlgorithm, String> checked = new java.util.EnumMap<>(DigestAlgorithm.class);
            Objects.requireNonNull(hexByAlgorithm, "hexByAlgorithm").forEach((algorithm, hex) ->
                    checked.put(algorithm, new Ha1(algorithm, hex).hex()));
            hexByAlgorithm = java.util.Collections.unmodifiableMap(checked);
        }

        @Override
        public Optional<String> ha1(DigestAlgorithm requested, String username, String realm) {
            return Optional.ofNullable(hexByAlgorithm.get(requested));
        }

        @Override
        public String toString() {
            return "Ha1Set[" + hexByAlgorithm.keySet() + ", redacted]";
        }
    }
}
