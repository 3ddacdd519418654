package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.instant;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.setInstant;
import static io.callvault.store.sql.Statements.update;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.access.ApiToken;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link CredentialStore} in the catalog's database (tables {@code sessions} and {@code api_tokens},
 * see V8__governance.sql); see {@link SqlCatalog#credentials()}. Rows hold only hashes of the secrets.
 */
final class SqlCredentialStore implements CredentialStore {
    private static final String SESSION_COLUMNS = "id_hash, username, csrf_token, created_at, expires_at, source";
    private static final String TOKEN_COLUMNS = "id, name, username, secret_hash, created_at, expires_at, revoked_at";
    /** Newest first; ties (same millisecond) by id, so the order does not depend on the database. */
    private static final Comparator<ApiToken> NEWEST_FIRST = Comparator
            .comparing(ApiToken::createdAt, Comparator.reverseOrder()).thenComparing(ApiToken::id);

    private final Transactions tx;

    SqlCredentialStore(Transactions tx) {
        this.tx = tx;
    }

    /** @throws io.callvault.vault.spi.ConflictException if a session with this id hash exists */
    @Override
    public void createSession(Session session) throws CatalogException {
        String operation = "create a session for " + session.username();
        tx.run(operation, c -> {
            if (update(c, "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id_hash) DO NOTHING", s -> {
                s.setString(1, session.idHash());
                s.setString(2, session.username());
                s.setString(3, session.csrfToken());
                setInstant(s, 4, session.createdAt());
                setInstant(s, 5, session.expiresAt());
                s.setString(6, session.source());
            }) == 0) {
                throw tx.conflict(operation, "a session with this id exists already (generate a new secret)");
            }
            return null;
        });
    }

    @Override
    public Optional<Session> findSession(String idHash) throws CatalogException {
        return tx.autoCommit("look up a session", c -> first(c, "SELECT " + SESSION_COLUMNS
                + " FROM sessions WHERE id_hash = ?", s -> s.setString(1, idHash), SqlCredentialStore::session));
    }

    /**
     * With {@code idHash}, deletes that session only if it belongs to {@code username}, so one user cannot
     * end another's session by its hash.
     */
    @Override
    public void deleteSessions(String username, String idHash) throws CatalogException {
        Objects.requireNonNull(username, "username");
        tx.run("end sessions of " + username, c -> idHash == null
                ? update(c, "DELETE FROM sessions WHERE username = ?", s -> s.setString(1, username))
                : update(c, "DELETE FROM sessions WHERE id_hash = ? AND username = ?", s -> {
                    s.setString(1, idHash);
                    s.setString(2, username);
                }));
    }

    @Override
    public void createToken(ApiToken token) throws CatalogException {
        String operation = "create API token " + token.id();
        tx.run(operation, c -> {
            if (update(c, "INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING", s -> {
                s.setString(1, token.id());
                s.setString(2, token.name());
                s.setString(3, token.username());
                s.setString(4, token.secretHash());
                setInstant(s, 5, token.createdAt());
                setInstant(s, 6, token.expiresAt());
                setInstant(s, 7, token.revokedAt());
            }) == 0) {
                throw tx.conflict(operation, "a token with this id exists already (generate a new id)");
            }
            return null;
        });
    }

    @Override
    public Optional<ApiToken> findToken(String id) throws CatalogException {
        return tx.autoCommit("look up API token " + id, c -> first(c, "SELECT " + TOKEN_COLUMNS
                + " FROM api_tokens WHERE id = ?", s -> s.setString(1, id), SqlCredentialStore::token));
    }

    @Override
    public List<ApiToken> tokens(String username) throws CatalogException {
        List<ApiToken> tokens = tx.autoCommit("list API tokens", c -> username == null
                ? query(c, "SELECT " + TOKEN_COLUMNS + " FROM api_tokens", s -> { }, SqlCredentialStore::token)
                : query(c, "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE username = ?",
                        s -> s.setString(1, username), SqlCredentialStore::token));
        return tokens.stream().sorted(NEWEST_FIRST).toList();
    }

    /** The UPDATE only touches an unrevoked token, so the first revocation time is the one kept. */
    @Override
    public boolean revokeToken(String id, Instant at) throws CatalogException {
        Objects.requireNonNull(at, "at");
        return tx.run("revoke API token " + id, c -> {
            if (update(c, "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", s -> {
                setInstant(s, 1, at);
                s.setString(2, id);
            }) == 1) {
                return true;
            }
            return first(c, "SELECT id FROM api_tokens WHERE id = ?", s -> s.setString(1, id), r -> Boolean.TRUE)
                    .isPresent();
        });
    }

    private static Session session(ResultSet r) throws SQLException {
        return new Session(r.getString("id_hash"), r.getString("username"), r.getString("csrf_token"),
                instant(r, "created_at"), instant(r, "expires_at"), r.getString("source"));
    }

    private static ApiToken token(ResultSet r) throws SQLException {
        return new ApiToken(r.getString("id"), r.getString("name"), r.getString("username"),
                r.getString("secret_hash"), instant(r, "created_at"), instant(r, "expires_at"),
                instant(r, "revoked_at"));
    }
}
