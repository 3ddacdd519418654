package io.callvault.api.auth;

import io.callvault.api.errors.ApiException;
import io.callvault.api.errors.ErrorCodes;
import io.callvault.api.http.Access;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Actor;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.access.ApiToken;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.Session;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Finds out who sent a request, before any route runs. Two credentials are accepted:
 * <ul>
 *   <li>{@code Authorization: Bearer cvt_…} — an API token that exists, is neither revoked nor expired and
 *       whose secret hashes to the stored hash (compared in constant time);</li>
 *   <li>the {@code cv_session} cookie — a session whose id hashes to a stored, unexpired session. A
 *       state-changing request (POST, PUT, PATCH, DELETE) must also carry the session's CSRF token in
 *       {@code X-CSRF-Token}, else 403 {@code csrf}.</li>
 * </ul>
 * A missing, unknown, expired or revoked credential, and a disabled user, are 401 {@code unauthenticated}.
 * A user who must change a one-time password gets 403 {@code password_change_required} on every route but
 * those marked {@link Access#SIGNED_IN_PASSWORD_CHANGE}. Thread-safe.
 */
public final class Authenticator {
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final UserStore users;
    private final CredentialStore credentials;
    private final InstantSource clock;

    public Authenticator(UserStore users, CredentialStore credentials, InstantSource clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The caller of {@code ctx}, checked for {@code access}; null for a public route. */
    public Principal authenticate(Context ctx, Access access) throws ApiException, CatalogException {
        if (access == Access.PUBLIC) {
            return null;
        }
        String authorization = ctx.header("Authorization");
        Principal p = authorization != null ? byToken(ctx, authorization) : bySession(ctx);
        if (p.user().mustChangePassword() && access != Access.SIGNED_IN_PASSWORD_CHANGE) {
            throw ApiException.forbidden(ErrorCodes.PASSWORD_CHANGE_REQUIRED, "change your one-time password first: "
                    + "POST /api/v1/session/password with currentPassword and newPassword");
        }
        return p;
    }

    private Principal byToken(Context ctx, String authorization) throws ApiException, CatalogException {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthenticated("only 'Authorization: Bearer cvt_…' API tokens are accepted");
        }
        Optional<TokenText> text = TokenText.parse(authorization.substring(7));
        if (text.isEmpty()) {
            throw ApiException.unauthenticated("the bearer token is not a callvault API token (cvt_…)");
        }
        Optional<ApiToken> token = credentials.findToken(text.get().id());
        Instant now = clock.instant();
        if (token.isEmpty() || !Secrets.constantTimeEquals(token.get().secretHash(), text.get().secretHash())
                || !token.get().usableAt(now)) {
            throw ApiException.unauthenticated("the API token is unknown, revoked or expired; create a new one");
        }
        UserAccount user = activeUser(token.get().username());
        return new Principal(user, Actor.of(user, ctx.ip()), null, token.get());
    }

    private Principal bySession(Context ctx) throws ApiException, CatalogException {
        String cookie = SessionCookie.read(ctx);
        if (cookie == null) {
            throw ApiException.unauthenticated("sign in first (POST /api/v1/session) or send an API token");
        }
        String idHash = Secrets.sha256Hex(cookie);
        Optional<Session> session = credentials.findSession(idHash);
        if (session.isEmpty()) {
            throw ApiException.unauthenticated("the session has ended; sign in again");
        }
        if (!clock.instant().isBefore(session.get().expiresAt())) {
            credentials.deleteSessions(session.get().username(), idHash);
            throw ApiException.unauthenticated("the session has expired; sign in again");
        }
        if (Route.changesState(ctx.method())
                && !Secrets.constantTimeEquals(session.get().csrfToken(), ctx.header(CSRF_HEADER))) {
            throw ApiException.forbidden(ErrorCodes.CSRF, "send the session's csrfToken (from the login response "
                    + "or GET /api/v1/session) in the " + CSRF_HEADER + " header");
        }
        UserAccount user = activeUser(session.get().username());
        return new Principal(user, Actor.of(user, ctx.ip()), session.get(), null);
    }

    private UserAccount activeUser(String username) throws ApiException, CatalogException {
        Optional<UserAccount> user = users.find(username);
        if (user.isEmpty() || user.get().disabled()) {
            throw ApiException.unauthenticated("the account is disabled; ask an administrator");
        }
        return user.get();
    }
}
