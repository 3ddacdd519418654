package io.callvault.api.http;

import io.callvault.vault.access.Actor;
import io.callvault.vault.spi.access.ApiToken;
import io.callvault.vault.spi.access.Session;
import io.callvault.vault.spi.access.UserAccount;
import java.util.Objects;

/**
 * The authenticated caller of one request: the user as stored when the request came in, the
 * {@link Actor} every permission and audit entry is about (source = the client address), and the
 * credential used — exactly one of {@code session} (browser cookie) and {@code token} (bearer).
 */
public record Principal(UserAccount user, Actor actor, Session session, ApiToken token) {
    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        if ((session == null) == (token == null)) {
            throw new IllegalArgumentException("a principal holds exactly one of a session and a token");
        }
    }

    public String username() {
        return user.username();
    }

    public boolean viaSession() {
        return session != null;
    }
}
