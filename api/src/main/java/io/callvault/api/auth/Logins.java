package io.callvault.api.auth;

import io.callvault.api.errors.ApiException;
import io.callvault.vault.access.Actor;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.Session;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password logins and the sessions they open. Every attempt is audited ({@code auth.login}, target the
 * username given, source the client address, outcome ok or denied with the reason in the details). The
 * caller learns only "wrong username or password, or locked": an unknown user, a disabled one, a locked one
 * and a wrong password get the same answer, and each costs one Argon2id computation, so neither the
 * message nor the time tells which it was. Thread-safe; the failure count is read-modify-write per attempt,
 * so simultaneous failures may count once (never zero times).
 */
public final class Logins {
    /** Longest username echoed into the audit log for an attempt that names no user. */
    private static final int MAX_AUDITED_NAME = 64;

    /** A session just opened: the cookie value (shown only to the browser) and the stored session. */
    public record Opened(String cookie, Session session, UserAccount user) {
    }

    private final UserStore users;
    private final CredentialStore credentials;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final LoginThrottle throttle;
    private final Duration sessionTtl;

    public Logins(UserStore users, CredentialStore credentials, AuditTrail audit, InstantSource clock,
                  LoginThrottle throttle, Duration sessionTtl) {
        this.users = users;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
        this.sessionTtl = sessionTtl;
    }

    /** Checks the password and opens a session; 401 {@code unauthenticated} for every kind of failure. */
    public Opened login(String username, String password, String source) throws Exception {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<UserAccount> found = name.isEmpty() || name.length() > MAX_AUDITED_NAME ? Optional.empty()
                : users.find(name);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            Passwords.burn();
            throw refused(anonymous(source), truncate(name), "unknown user");
        }
        UserAccount user = found.get();
        Actor actor = Actor.of(user, source);
        if (user.disabled()) {
            Passwords.burn();
            throw refused(actor, name, "account disabled");
        }
        if (throttle.locked(user, now)) {
            Passwords.burn();
            throw refused(actor, name, "account locked until " + user.lockedUntil());
        }
        if (!Passwords.verify(password, user.passwordHash())) {
            UserAccount failed = throttle.afterFailure(user, now);
            users.update(failed);
            throw refused(actor, name, "wrong password (" + failed.failedLogins() + " consecutive)"
                    + (failed.lockedUntil() != null ? "; locked until " + failed.lockedUntil() : ""));
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            user = throttle.afterSuccess(user);
            users.update(user);
        }
        Opened opened = open(user, source);
        audit.record(actor, "auth.login", name, "ok", user.mustChangePassword() ? "one-time password" : "");
        return opened;
    }

    /** Opens a new session for {@code user} (after a login or a password change). */
    public Opened open(UserAccount user, String source) throws CatalogException {
        String cookie = Secrets.random(Secrets.SECRET_BYTES);
        Instant now = clock.instant();
        Session session = new Session(Secrets.sha256Hex(cookie), user.username(), Secrets.random(Secrets.SECRET_BYTES),
                now, now.plus(sessionTtl), source);
        credentials.createSession(session);
        return new Opened(cookie, session, user);
    }

    /** Counts a wrong current password given to a password change like a failed login. */
    public void countFailure(UserAccount user) throws CatalogException {
        users.update(throttle.afterFailure(user, clock.instant()));
    }

    private ApiException refused(Actor actor, String target, String reason) throws Exception {
        audit.record(actor, "auth.login", target, "denied", reason);
        return ApiException.unauthenticated("wrong username or password, or the account is locked or disabled; "
                + "try again later or ask an administrator");
    }

    static Actor anonymous(String source) {
        return new Actor("anonymous", Set.of(), Set.of(), null, source);
    }

    private static String truncate(String name) {
        return name.length() <= MAX_AUDITED_NAME ? name : name.substring(0, MAX_AUDITED_NAME) + "…";
    }
}
