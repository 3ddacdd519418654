package io.callvault.vault.spi.access;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A person (or machine identity) who signs in to callvault.
 *
 * @param username           unique, 1-64 of {@code [a-z0-9._-]}, starting with a letter or digit
 * @param roles              at least one
 * @param teams              team names; a supervisor sees the recordings of agents sharing a team
 * @param extension          the SIP extension whose calls are this user's own calls, or null
 * @param passwordHash       the encoded Argon2id hash (never the password)
 * @param mustChangePassword true for a one-time password: every request but a password change is refused
 * @param failedLogins       consecutive failed logins since the last success
 * @param lockedUntil        logins are refused until then; null when not locked
 */
public record UserAccount(String username, String displayName, Set<Role> roles, Set<String> teams, String extension,
                          String passwordHash, boolean mustChangePassword, int failedLogins, Instant lockedUntil,
                          boolean disabled, Instant createdAt) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public UserAccount {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 1-64 of a-z, 0-9, '.', '_', '-' starting with a "
                    + "letter or digit, not '" + username + "'");
        }
        displayName = displayName == null ? "" : displayName.strip();
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " needs at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        teams = Collections.unmodifiableSet(new TreeSet<>(teams == null ? Set.of() : teams));
        extension = extension == null || extension.isBlank() ? null : extension.strip();
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failedLogins must be >= 0");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public UserAccount withPassword(String newHash, boolean mustChange) {
        return new UserAccount(username, displayName, roles, teams, extension, newHash, mustChange, 0, null,
                disabled, createdAt);
    }

    public UserAccount withLogins(int failed, Instant locked) {
        return new UserAccount(username, displayName, roles, teams, extension, passwordHash, mustChangePassword,
                failed, locked, disabled, createdAt);
    }

    public UserAccount withProfile(String newDisplayName, Set<Role> newRoles, Set<String> newTeams,
                                   String newExtension, boolean newDisabled) {
        return new UserAccount(username, newDisplayName, newRoles, newTeams, newExtension, passwordHash,
                mustChangePassword, failedLogins, lockedUntil, newDisabled, createdAt);
    }
}
