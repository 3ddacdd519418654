package io.callvault.api.users;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.auth.Passwords;
import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /api/v1/users}: user accounts, all under {@link Permission#USER_MANAGE}. Users are disabled, never
 * deleted. Passwords set by an administrator (given at creation, generated at creation or reset) are
 * one-time passwords: the user must change them at the next sign-in. The last enabled administrator cannot
 * be disabled or lose the admin role (409 {@code last_admin}), so the installation cannot lock itself out.
 * Every change is audited ({@code user.create}, {@code user.update}, {@code user.password_reset}).
 */
public final class UserRoutes {
    /** Creation request; {@code password} null means "generate a one-time password and return it". */
    public record CreateUser(String username, String displayName, List<String> roles, List<String> teams,
                             String extension, String password) {
    }

    /** Partial update: null leaves a field as it is; an empty extension removes it. */
    public record UpdateUser(String displayName, List<String> roles, List<String> teams, String extension,
                             Boolean disabled) {
    }

    /** A user with the password shown this once (null when the administrator chose it). */
    public record UserWithPassword(UserView user, String oneTimePassword) {
    }

    private final UserStore users;
    private final CredentialStore credentials;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final int maxBodyBytes;

    public UserRoutes(UserStore users, CredentialStore credentials, AuditTrail audit, InstantSource clock,
                      int maxBodyBytes) {
        this.users = users;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/users", SIGNED_IN, this::list),
                Route.post("/api/v1/users", SIGNED_IN, this::create),
                Route.get("/api/v1/users/{username}", SIGNED_IN, this::get),
                Route.patch("/api/v1/users/{username}", SIGNED_IN, this::update),
                Route.post("/api/v1/users/{username}/password", SIGNED_IN, this::resetPassword));
    }

    private void list(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.USER_MANAGE, "user.list", "");
        Instant now = clock.instant();
        Json.write(ctx, 200, Map.of("items", users.list().stream().map(u -> UserView.of(u, now)).toList()));
    }

    private void get(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.USER_MANAGE, "user.view", ctx.pathParam("username"));
        Json.write(ctx, 200, UserView.of(find(ctx.pathParam("username")), clock.instant()));
    }

    private void create(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.USER_MANAGE, "user.create", "");
        CreateUser req = Json.read(ctx, CreateUser.class, maxBodyBytes);
        String username = req.username() == null ? null : req.username().strip();
        boolean generated = req.password() == null;
        String password = generated ? Passwords.oneTime() : req.password();
        if (!generated) {
            Passwords.checkPolicy(username, password);
        }
        UserAccount user = new UserAccount(username, UserInputs.displayName(req.displayName()),
                UserInputs.roles(req.roles()), UserInputs.teams(req.teams()), UserInputs.extension(req.extension()),
                Passwords.hash(password), true, 0, null, false, clock.instant());
        try {
            users.create(user);
        } catch (ConflictException e) {
            throw ApiException.conflict("exists", "user " + username + " exists already; change it with PATCH");
        }
        audit.record(caller.actor(), "user.create", username, "ok", "roles " + roleIds(user.roles())
                + (user.teams().isEmpty() ? "" : ", teams " + user.teams())
                + (user.extension() == null ? "" : ", extension " + user.extension()));
        Json.write(ctx, 201, new UserWithPassword(UserView.of(user, clock.instant()), generated ? password : null));
    }

    private void update(Context ctx, Principal caller) throws Exception {
        String username = ctx.pathParam("username");
        audit.require(caller.actor(), Permission.USER_MANAGE, "user.update", username);
        UpdateUser req = Json.read(ctx, UpdateUser.class, maxBodyBytes);
        UserAccount old = find(username);
        UserAccount changed = old.withProfile(
                req.displayName() == null ? old.displayName() : UserInputs.displayName(req.displayName()),
                req.roles() == null ? old.roles() : UserInputs.roles(req.roles()),
                req.teams() == null ? old.teams() : UserInputs.teams(req.teams()),
                req.extension() == null ? old.extension() : UserInputs.extension(req.extension()),
                req.disabled() == null ? old.disabled() : req.disabled());
        if (isActiveAdmin(old) && !isActiveAdmin(changed) && activeAdmins() <= 1) {
            throw ApiException.conflict("last_admin", "user " + username + " is the last enabled administrator; "
                    + "make another user admin first");
        }
        users.update(changed);
        if (changed.disabled() && !old.disabled()) {
            credentials.deleteSessions(username, null);
        }
        audit.record(caller.actor(), "user.update", username, "ok", changes(old, changed));
        Json.write(ctx, 200, UserView.of(changed, clock.instant()));
    }

    /** Sets a new one-time password, unlocks the account and ends its sessions. */
    private void resetPassword(Context ctx, Principal caller) throws Exception {
        String username = ctx.pathParam("username");
        audit.require(caller.actor(), Permission.USER_MANAGE, "user.password_reset", username);
        UserAccount old = find(username);
        String password = Passwords.oneTime();
        UserAccount changed = old.withPassword(Passwords.hash(password), true);
        users.update(changed);
        credentials.deleteSessions(username, null);
        audit.record(caller.actor(), "user.password_reset", username, "ok", "sessions ended");
        Json.write(ctx, 200, new UserWithPassword(UserView.of(changed, clock.instant()), password));
    }

    private UserAccount find(String username) throws Exception {
        return users.find(username).orElseThrow(() -> ApiException.notFound("no user " + username));
    }

    private long activeAdmins() throws Exception {
        return users.list().stream().filter(UserRoutes::isActiveAdmin).count();
    }

    private static boolean isActiveAdmin(UserAccount u) {
        return u.has(Role.ADMIN) && !u.disabled();
    }

    private static List<String> roleIds(Set<Role> roles) {
        return roles.stream().map(Role::id).toList();
    }

    /** "roles [agent] -> [agent, supervisor]; disabled false -> true" for the audit log. */
    static String changes(UserAccount a, UserAccount b) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("displayName", new Object[] {a.displayName(), b.displayName()});
        fields.put("roles", new Object[] {roleIds(a.roles()), roleIds(b.roles())});
        fields.put("teams", new Object[] {a.teams(), b.teams()});
        fields.put("extension", new Object[] {a.extension(), b.extension()});
        fields.put("disabled", new Object[] {a.disabled(), b.disabled()});
        List<String> out = new ArrayList<>();
        fields.forEach((name, v) -> {
            if (!Objects.equals(v[0], v[1])) {
                out.add(name + " " + v[0] + " -> " + v[1]);
            }
        });
        return out.isEmpty() ? "no change" : String.join("; ", out);
    }
}
