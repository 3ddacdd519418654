package io.callvault.api.users;

import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. {@code locked} is as of the request. */
public record UserView(String username, String displayName, List<String> roles, List<String> teams,
                       String extension, boolean disabled, boolean mustChangePassword, int failedLogins,
                       boolean locked, Instant lockedUntil, Instant createdAt) {

    public static UserView of(UserAccount u, Instant now) {
        boolean locked = u.lockedUntil() != null && now.isBefore(u.lockedUntil());
        return new UserView(u.username(), u.displayName(), u.roles().stream().map(Role::id).toList(),
                List.copyOf(u.teams()), u.extension(), u.disabled(), u.mustChangePassword(), u.failedLogins(), locked,
                locked ? u.lockedUntil() : null, u.createdAt());
    }
}
