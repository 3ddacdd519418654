package io.callvault.api.auth;

import static io.callvault.api.http.Access.PUBLIC;
import static io.callvault.api.http.Access.SIGNED_IN_PASSWORD_CHANGE;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;

/**
 * {@code /api/v1/session}: sign in with a password (sets the session cookie and returns the CSRF token),
 * see who is signed in, sign out, and change one's own password — the only routes open to a user who still
 * has a one-time password.
 */
public final class SessionRoutes {
    /** Sign-in request. */
    public record LoginRequest(String username, String password) {
    }

    /** Own password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final Logins logins;
    private final UserStore users;
    private final CredentialStore credentials;
    private final AuditTrail audit;
    private final Duration sessionTtl;
    private final boolean secureCookies;
    private final int maxBodyBytes;

    public SessionRoutes(Logins logins, UserStore users, CredentialStore credentials, AuditTrail audit,
                         Duration sessionTtl, boolean secureCookies, int maxBodyBytes) {
        this.logins = logins;
        this.users = users;
        this.credentials = credentials;
        this.audit = audit;
        this.sessionTtl = sessionTtl;
        this.secureCookies = secureCookies;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/v1/session", PUBLIC, this::login),
                Route.get("/api/v1/session", SIGNED_IN_PASSWORD_CHANGE, this::current),
                Route.delete("/api/v1/session", SIGNED_IN_PASSWORD_CHANGE, this::logout),
                Route.post("/api/v1/session/password", SIGNED_IN_PASSWORD_CHANGE, this::changePassword));
    }

    private void login(Context ctx, Principal none) throws Exception {
        LoginRequest req = Json.read(ctx, LoginRequest.class, maxBodyBytes);
        Logins.Opened opened = logins.login(req.username(), req.password(), ctx.ip());
        SessionCookie.set(ctx, opened.cookie(), sessionTtl, secureCookies);
        Json.write(ctx, 200, SessionView.of(opened.user(), opened.session()));
    }

    private void current(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, SessionView.of(caller));
    }

    /** Ends the cookie session (a token caller has none; revoke tokens with DELETE /api/v1/tokens/{id}). */
    private void logout(Context ctx, Principal caller) throws Exception {
        if (caller.viaSession()) {
            credentials.deleteSessions(caller.username(), caller.session().idHash());
            audit.record(caller.actor(), "auth.logout", caller.username(), "ok", "");
        }
        SessionCookie.clear(ctx, secureCookies);
        ctx.status(204);
    }

    /**
     * Changes the caller's password after checking the current one. Every session of the user ends; a
     * browser caller gets a new session (new cookie and CSRF token) in the response.
     */
    private void changePassword(Context ctx, Principal caller) throws Exception {
        PasswordChange req = Json.read(ctx, PasswordChange.class, maxBodyBytes);
        UserAccount user = caller.user();
        if (!Passwords.verify(req.currentPassword(), user.passwordHash())) {
            logins.countFailure(user);
            audit.record(caller.actor(), "auth.password_change", user.username(), "denied", "wrong current password");
            throw ApiException.invalid("the current password is wrong");
        }
        Passwords.checkPolicy(user.username(), req.newPassword());
        if (req.newPassword().equals(req.currentPassword())) {
            throw ApiException.invalid("the new password must differ from the current one");
        }
        UserAccount changed = user.withPassword(Passwords.hash(req.newPassword()), false);
        users.update(changed);
        credentials.deleteSessions(user.username(), null);
        audit.record(caller.actor(), "auth.password_change", user.username(), "ok", "");
        if (caller.viaSession()) {
            Logins.Opened opened = logins.open(changed, ctx.ip());
            SessionCookie.set(ctx, opened.cookie(), sessionTtl, secureCookies);
            Json.write(ctx, 200, SessionView.of(changed, opened.session()));
        } else {
            Json.write(ctx, 200, new SessionView(changed.username(), changed.displayName(), SessionView.roles(changed),
                    List.copyOf(changed.teams()), changed.extension(), false, "token", null,
                    caller.token().expiresAt()));
        }
    }
}
