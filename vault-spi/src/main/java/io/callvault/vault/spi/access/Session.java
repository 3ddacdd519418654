package io.callvault.vault.spi.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser session. The cookie carries a random secret; only its SHA-256 ({@code idHash}, hex) is stored,
 * so a copy of the database cannot be used to sign in.
 *
 * @param csrfToken sent back by the browser in a header on every state-changing request
 * @param source    the address the session was created from
 */
public record Session(String idHash, String username, String csrfToken, Instant createdAt, Instant expiresAt,
                      String source) {
    public Session {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        source = source == null ? "" : source;
    }
}
