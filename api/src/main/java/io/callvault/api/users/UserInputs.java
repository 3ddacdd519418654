package io.callvault.api.users;

import io.callvault.vault.spi.access.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks of the user fields a request may set; each failure is an IllegalArgumentException (422) naming the field. */
final class UserInputs {
    static final int MAX_TEAM = 64;
    static final int MAX_TEAMS = 50;

    private UserInputs() {
    }

    static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("roles: a user needs at least one of admin, compliance, supervisor, "
                    + "agent, auditor");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            roles.add(Role.parse(n));
        }
        return roles;
    }

    static Set<String> teams(List<String> names) {
        Set<String> teams = new TreeSet<>();
        for (String t : names == null ? List.<String>of() : names) {
            String team = t == null ? "" : t.strip();
            if (team.isEmpty() || team.length() > MAX_TEAM || team.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("teams: a team name is 1-" + MAX_TEAM + " printable characters, "
                        + "not '" + t + "'");
            }
            teams.add(team);
        }
        if (teams.size() > MAX_TEAMS) {
            throw new IllegalArgumentException("teams: at most " + MAX_TEAMS + " teams per user");
        }
        return teams;
    }

    /** An extension of 2-15 digits, or null for none (null or blank input). */
    static String extension(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String ext = text.strip();
        if (!ext.matches("[0-9]{2,15}")) {
            throw new IllegalArgumentException("extension: 2-15 digits, not '" + text + "'");
        }
        return ext;
    }

    static String displayName(String text) {
        String name = text == null ? "" : text.strip();
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("displayName: at most 200 printable characters");
        }
        return name;
    }
}
