package io.callvault.api.auth;

import io.callvault.api.http.Principal;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.Session;
import io.callvault.vault.spi.access.UserAccount;
import java.time.Instant;
import java.util.List;

/**
 * Who is signed in, as the login and {@code GET /api/v1/session} answer it.
 *
 * @param via       "session" (cookie) or "token" (bearer)
 * @param csrfToken the value to send in X-CSRF-Token; null when signed in with a token
 * @param expiresAt when the session or token ends
 */
public record SessionView(String username, String displayName, List<String> roles, List<String> teams,
                          String extension, boolean mustChangePassword, String via, String csrfToken,
                          Instant expiresAt) {

    static SessionView of(UserAccount user, Session session) {
        return new SessionView(user.username(), user.displayName(), roles(user), List.copyOf(user.teams()),
                user.extension(), user.mustChangePassword(), "session", session.csrfToken(), session.expiresAt());
    }

    static SessionView of(Principal p) {
        return p.viaSession() ? of(p.user(), p.session())
                : new SessionView(p.username(), p.user().displayName(), roles(p.user()), List.copyOf(p.user().teams()),
                        p.user().extension(), p.user().mustChangePassword(), "token", null, p.token().expiresAt());
    }

    static List<String> roles(UserAccount user) {
        return user.roles().stream().map(Role::id).toList();
    }
}
