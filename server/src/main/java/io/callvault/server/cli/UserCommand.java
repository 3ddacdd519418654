package io.callvault.server.cli;

import io.callvault.api.auth.Passwords;
import io.callvault.server.Main.UsageException;
import io.callvault.server.Services;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the people who sign in to the API and console (roles: docs/access-control.md).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Update.class,
                UserCommand.ResetPassword.class})
public final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user; prints a one-time password that must be changed at the first sign-in.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, compliance, supervisor, agent or auditor; repeat for several.")
        List<String> roles = new ArrayList<>();
        @Option(names = "--team", paramLabel = "TEAM", description = "Team membership; repeat for several.")
        List<String> teams = new ArrayList<>();
        @Option(names = "--extension", paramLabel = "EXT", description = "The SIP extension whose calls are the user's own.")
        String extension;
        @Option(names = "--display-name", paramLabel = "NAME")
        String displayName;

        @Override
        public Integer call() throws Exception {
            String password = Passwords.oneTime();
            UserAccount user;
            try {
                user = new UserAccount(username, displayName, roles(roles), new HashSet<>(teams), extension,
                        Passwords.hash(password), true, 0, null, false, Instant.now());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                try {
                    catalog.users().create(user);
                } catch (ConflictException e) {
                    throw new UsageException("user " + username + " exists; use 'user update' or 'user reset-password'");
                }
                CliAudit.record(catalog, "user.create", username, "roles " + user.roles());
            }
            System.out.println("user " + username + " added; one-time password (shown once, must be changed at the "
                    + "first sign-in): " + password);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                System.out.printf("%-20s %-30s %-16s %-10s %s%n", "USERNAME", "ROLES", "TEAMS", "EXTENSION", "STATE");
                for (UserAccount u : catalog.users().list()) {
                    String state = u.disabled() ? "disabled" : u.lockedUntil() != null
                            && u.lockedUntil().isAfter(Instant.now()) ? "locked until " + u.lockedUntil()
                            : u.mustChangePassword() ? "must change password" : "active";
                    System.out.printf("%-20s %-30s %-16s %-10s %s%n", u.username(),
                            String.join(",", u.roles().stream().map(Role::id).toList()), String.join(",", u.teams()),
                            u.extension() == null ? "" : u.extension(), state);
                }
            }
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a user's roles, teams, extension, or disable/enable them (options not given stay).")
    static final class Update implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--role", paramLabel = "ROLE", description = "Replaces the roles; repeat for several.")
        List<String> roles;
        @Option(names = "--team", paramLabel = "TEAM", description = "Replaces the teams; repeat for several.")
        List<String> teams;
        @Option(names = "--extension", paramLabel = "EXT", description = "Replaces the extension ('' for none).")
        String extension;
        @Option(names = "--disable", description = "Refuse every sign-in and token of this user.")
        boolean disable;
        @Option(names = "--enable", description = "Allow sign-in again and clear a lockout.")
        boolean enable;

        @Override
        public Integer call() throws Exception {
            if (disable && enable) {
                throw new UsageException("--disable and --enable exclude each other");
            }
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                UserAccount u = catalog.users().find(username)
                        .orElseThrow(() -> new UsageException("no user " + username));
                UserAccount changed;
                try {
                    changed = u.withProfile(u.displayName(), roles == null ? u.roles() : roles(roles),
                            teams == null ? u.teams() : new HashSet<>(teams),
                            extension == null ? u.extension() : extension, disable || (!enable && u.disabled()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (enable) {
                    changed = changed.withLogins(0, null);
                }
                catalog.users().update(changed);
                if (changed.disabled()) {
                    catalog.credentials().deleteSessions(username, null);
                }
                CliAudit.record(catalog, "user.update", username, "roles " + changed.roles() + ", teams "
                        + changed.teams() + (changed.disabled() ? ", disabled" : ""));
            }
            System.out.println("user " + username + " updated");
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give a user a new one-time password (printed once) and end their sessions.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() throws Exception {
            String password = Passwords.oneTime();
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                UserAccount u = catalog.users().find(username)
                        .orElseThrow(() -> new UsageException("no user " + username));
                catalog.users().update(u.withPassword(Passwords.hash(password), true));
                catalog.credentials().deleteSessions(username, null);
                CliAudit.record(catalog, "user.password_reset", username, "");
            }
            System.out.println("one-time password for " + username + " (shown once, must be changed at the first "
                    + "sign-in): " + password);
            return 0;
        }
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            for (String part : n.split(",")) {
                roles.add(Role.parse(part));
            }
        }
        return roles;
    }
}
