package io.callvault.vault.access;

import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is acting, and from where: a signed-in user, a token's owner, or the local command line (which
 * runs as the operating-system user who owns the data directory and so holds every role).
 *
 * @param name   username, or "cli" / a job name such as "retention"
 * @param source network address, or "cli" / "scheduler"
 */
public record Actor(String name, Set<Role> roles, Set<String> teams, String extension, String source) {
    public Actor {
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        teams = Set.copyOf(teams);
        Objects.requireNonNull(source, "source");
    }

    public static Actor of(UserAccount user, String source) {
        return new Actor(user.username(), user.roles(), user.teams(), user.extension(), source);
    }

    /** The operator at the console of the machine: every role, as whoever can read the data directory can. */
    public static Actor system(String name, String source) {
        return new Actor(name, EnumSet.allOf(Role.class), Set.of(), null, source);
    }

    public boolean may(Permission permission) {
        return AccessMatrix.allows(roles, permission);
    }

    /** @throws AccessDeniedException if the matrix does not grant the permission */
    public void require(Permission permission) throws AccessDeniedException {
        if (!may(permission)) {
            throw new AccessDeniedException(name + " (" + roles + ") may not " + permission);
        }
    }
}
