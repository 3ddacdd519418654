package io.callvault.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * What differs between the two databases the catalog runs on. The SQL itself is shared (both accept
 * {@code INSERT ... ON CONFLICT ... DO UPDATE}); a dialect opens its own pool, names its migrations,
 * binds ids in its column type and explains its driver's failures.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {

    /** For logs and errors, e.g. "SQLite /data/catalog.db"; never contains a password. */
    String describe();

    /** Flyway location of this dialect's migrations. */
    String migrations();

    /**
     * Opens the connection pool and checks that a connection can be made.
     *
     * @throws CatalogException saying what to check (path, server, credentials) when it cannot
     */
    HikariDataSource open() throws CatalogException;

    /** Binds an id in the column type the schema uses for ids (TEXT or uuid). */
    void bindId(PreparedStatement statement, int index, RecordingId id) throws SQLException;

    /**
     * A condition that {@code column} equals one of a set of values bound as a single parameter by
     * {@link #bindTexts} or {@link #bindIds}, so that a set of any size costs one bind parameter (drivers
     * limit their number) and the statement text does not depend on the set's size.
     */
    String inSet(String column);

    /** Binds a set of texts for {@link #inSet}. */
    void bindTexts(PreparedStatement statement, int index, Collection<String> values) throws SQLException;

    /** Binds a set of ids for {@link #inSet} on an id column. */
    void bindIds(PreparedStatement statement, int index, Collection<RecordingId> ids) throws SQLException;

    /**
     * Appended to a SELECT to lock the row it reads until commit, so that concurrent shreds and tag
     * writes on one recording serialize; empty where writes are serialized anyway.
     */
    String lockRow();

    /** Whether the failure is a primary-key or unique-constraint violation. */
    boolean isUniqueViolation(SQLException e);

    /**
     * Runs on the same connection after a shred committed, to make the destroyed key bytes unreachable
     * on disk as well (SQLite: they may still sit in the write-ahead log).
     */
    default void afterShred(Connection connection) throws SQLException {
    }
}
