package io.callvault.store.sql;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a unit of work in one transaction on a pooled connection: commit if it returns, roll back if
 * it throws. SQL failures become {@link CatalogException}s that name the catalog and the operation;
 * {@link CatalogException}s thrown by the work (not found, refused) pass through unchanged.
 * Thread-safe: each call borrows its own connection.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, CatalogException;
    }

    private final DataSource pool;
    private final String catalog;

    Transactions(DataSource pool, String catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    /** @param operation what is being done, for the error message, e.g. "seal recording 3f2c…" */
    <T> T run(String operation, Work<T> work) throws CatalogException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | CatalogException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Runs work in auto-commit mode, for statements that must not run inside a transaction. */
    <T> T autoCommit(String operation, Work<T> work) throws CatalogException {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** A refused write, e.g. conflict("create user alice", "the username exists already"). */
    ConflictException conflict(String operation, String why) {
        return new ConflictException(catalog + ": cannot " + operation + ": " + why);
    }

    CatalogException failed(String operation, Exception cause) {
        return new CatalogException(catalog + ": " + operation + " failed: " + cause.getMessage(), cause);
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
