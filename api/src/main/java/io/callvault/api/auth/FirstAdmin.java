package io.callvault.api.auth;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/**
 * The first start: while no user exists at all, creates {@value #USERNAME} with the admin role and a
 * password that must be changed at the first sign-in. The password is {@code CALLVAULT_ADMIN_PASSWORD} when
 * the operator set it, else a random one-time password the server prints once on its console.
 */
public final class FirstAdmin {
    public static final String USERNAME = "admin";
    public static final String ENV_VAR = "CALLVAULT_ADMIN_PASSWORD";

    private FirstAdmin() {
    }

    /**
     * @param envPassword the operator's chosen password, or null/blank for a random one
     * @return the random one-time password to print once; empty when users exist already or when the
     *         operator chose the password
     * @throws IllegalArgumentException if {@code envPassword} breaks the password policy (naming the rule)
     */
    public static Optional<String> ensure(UserStore users, String envPassword, InstantSource clock)
            throws CatalogException {
        if (!users.list().isEmpty()) {
            return Optional.empty();
        }
        boolean chosen = envPassword != null && !envPassword.isBlank();
        if (chosen) {
            try {
                Passwords.checkPolicy(USERNAME, envPassword);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_VAR + ": " + e.getMessage(), e);
            }
        }
        String password = chosen ? envPassword : Passwords.oneTime();
        UserAccount admin = new UserAccount(USERNAME, "Administrator", Set.of(Role.ADMIN), Set.of(), null,
                Passwords.hash(password), true, 0, null, false, clock.instant());
        try {
            users.create(admin);
        } catch (ConflictException raced) {
            return Optional.empty(); // another process created it first and printed its own password
        }
        return chosen ? Optional.empty() : Optional.of(password);
    }
}
