package io.callvault.vault.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A softphone account: the extension number it registers as, and what the policy needs to know about
 * it. The password is kept only as digest HA1 values (RFC 8760: MD5 and SHA-256 of user:realm:password),
 * which verify a login without storing the password; they are password-equivalent for this realm, so
 * they are never logged or shown.
 *
 * @param location where the extension's user is, e.g. "US-CA", "GB", "DE" (country, optionally region)
 * @param flags    line flags such as "hipaa", "pci"
 */
public record Extension(String number, String displayName, String realm, String ha1Md5, String ha1Sha256,
                        String location, Set<String> flags, Instant updatedAt) {
    public Extension {
        Objects.requireNonNull(number, "number");
        if (!number.matches("[0-9]{2,15}")) {
            throw new IllegalArgumentException("extension number must be 2 to 15 digits, not '" + number + "'");
        }
        Objects.requireNonNull(realm, "realm");
        if (ha1Md5 == null || !ha1Md5.matches("[0-9a-f]{32}") || ha1Sha256 == null
                || !ha1Sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("extension " + number + " needs MD5 and SHA-256 HA1 hex digests");
        }
        displayName = displayName == null ? "" : displayName;
        location = location == null ? "" : location;
        flags = java.util.Collections.unmodifiableSet(new TreeSet<>(flags == null ? Set.of() : flags));
        for (String f : flags) {
            if (!f.matches("[a-z][a-z0-9_-]{0,31}")) {
                throw new IllegalArgumentException("bad line flag '" + f + "' (lower-case word such as hipaa, pci)");
            }
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "Extension[" + number + " '" + displayName + "', location " + location + ", flags " + flags + "]";
    }
}
