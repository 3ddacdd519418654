package io.callvault.vault.spi.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A named, revocable credential for a machine acting as {@code username}. The secret is shown once at
 * creation; only its SHA-256 ({@code secretHash}, hex) is stored.
 *
 * @param id        public identifier, part of the token text, also used to revoke it
 * @param expiresAt always set: tokens do not live forever
 * @param revokedAt null while the token is valid
 */
public record ApiToken(String id, String name, String username, String secretHash, Instant createdAt,
                       Instant expiresAt, Instant revokedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1-100 characters");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
