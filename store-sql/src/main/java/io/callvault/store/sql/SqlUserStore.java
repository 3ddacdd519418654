package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.batch;
import static io.callvault.store.sql.Statements.instant;
import static io.callvault.store.sql.Statements.queryAll;
import static io.callvault.store.sql.Statements.setInstant;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@link UserStore} in the catalog's database (tables {@code users} and {@code user_teams}, see
 * V8__governance.sql); see {@link SqlCatalog#users()}. An account and its teams are written in one
 * transaction and read in one statement (a join), so no reader sees half an update.
 */
final class SqlUserStore implements UserStore {
    private static final String INSERT = "INSERT INTO users (username, display_name, roles, extension, "
            + "password_hash, must_change_password, failed_logins, locked_until, disabled, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING";
    private static final String UPDATE = "UPDATE users SET display_name = ?, roles = ?, extension = ?, "
            + "password_hash = ?, must_change_password = ?, failed_logins = ?, locked_until = ?, disabled = ? "
            + "WHERE username = ?";
    private static final String WITH_TEAMS = "SELECT u.username, u.display_name, u.roles, u.extension, "
            + "u.password_hash, u.must_change_password, u.failed_logins, u.locked_until, u.disabled, u.created_at, "
            + "t.team FROM users u LEFT JOIN user_teams t ON t.username = u.username";

    private final Transactions tx;

    SqlUserStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void create(UserAccount user) throws CatalogException {
        String operation = "create user " + user.username();
        tx.run(operation, c -> {
            if (Statements.update(c, INSERT, s -> {
                s.setString(1, user.username());
                bindProfile(s, 2, user);
                s.setLong(10, user.createdAt().toEpochMilli());
            }) == 0) {
                throw tx.conflict(operation, "the username exists already; choose another one or update that "
                        + "user (users are disabled, never deleted)");
            }
            insertTeams(c, user);
            return null;
        });
    }

    @Override
    public boolean update(UserAccount user) throws CatalogException {
        return tx.run("update user " + user.username(), c -> {
            if (Statements.update(c, UPDATE, s -> {
                bindProfile(s, 1, user);
                s.setString(9, user.username());
            }) == 0) {
                return false;
            }
            Statements.update(c, "DELETE FROM user_teams WHERE username = ?", s -> s.setString(1, user.username()));
            insertTeams(c, user);
            return true;
        });
    }

    @Override
    public Optional<UserAccount> find(String username) throws CatalogException {
        return tx.autoCommit("look up user " + username, c -> queryAll(c, WITH_TEAMS + " WHERE u.username = ?",
                s -> s.setString(1, username), SqlUserStore::read)).stream().findFirst();
    }

    @Override
    public List<UserAccount> list() throws CatalogException {
        return tx.autoCommit("list users", c -> queryAll(c, WITH_TEAMS, s -> { }, SqlUserStore::read));
    }

    /** Binds every column but username and created_at, from {@code first} on (eight parameters). */
    private static void bindProfile(PreparedStatement s, int first, UserAccount u) throws SQLException {
        s.setString(first, u.displayName());
        s.setString(first + 1, u.roles().stream().map(Role::id).collect(Collectors.joining(",")));
        s.setString(first + 2, u.extension());
        s.setString(first + 3, u.passwordHash());
        s.setBoolean(first + 4, u.mustChangePassword());
        s.setInt(first + 5, u.failedLogins());
        setInstant(s, first + 6, u.lockedUntil());
        s.setBoolean(first + 7, u.disabled());
    }

    private static void insertTeams(Connection c, UserAccount user) throws SQLException {
        batch(c, "INSERT INTO user_teams (username, team) VALUES (?, ?)", user.teams(), (s, team) -> {
            s.setString(1, user.username());
            s.setString(2, team);
        });
    }

    /**
     * Users with their teams from joined rows, by username in String order (sorted here: PostgreSQL's
     * collation may ignore '.', '_' and '-').
     */
    private static List<UserAccount> read(ResultSet rows) throws SQLException {
        Map<String, UserAccount> users = new TreeMap<>();
        Map<String, Set<String>> teams = new TreeMap<>();
        while (rows.next()) {
            String username = rows.getString("username");
            if (!users.containsKey(username)) {
                users.put(username, account(rows));
                teams.put(username, new TreeSet<>());
            }
            String team = rows.getString("team");
            if (team != null) {
                teams.get(username).add(team);
            }
        }
        List<UserAccount> result = new ArrayList<>(users.size());
        for (UserAccount u : users.values()) {
            result.add(u.withProfile(u.displayName(), u.roles(), teams.get(u.username()), u.extension(),
                    u.disabled()));
        }
        return List.copyOf(result);
    }

    private static UserAccount account(ResultSet r) throws SQLException {
        String username = r.getString("username");
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : r.getString("roles").split(",")) {
                roles.add(Role.parse(role));
            }
            return new UserAccount(username, r.getString("display_name"), roles, Set.of(), r.getString("extension"),
                    r.getString("password_hash"), r.getBoolean("must_change_password"), r.getInt("failed_logins"),
                    instant(r, "locked_until"), r.getBoolean("disabled"), instant(r, "created_at"));
        } catch (IllegalArgumentException e) {
            throw new SQLException("user " + username + " holds a value this version cannot read (written by a "
                    + "newer callvault, or edited by hand?): " + e.getMessage(), e);
        }
    }
}
