package io.callvault.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Prepared-statement plumbing shared by the catalog's operations; the caller owns the connection. */
final class Statements {
    private Statements() {
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Executes an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /**
     * Executes one INSERT, UPDATE or DELETE per item as a JDBC batch: a few round trips instead of one
     * per item (a legal hold may name thousands of recordings). Nothing is executed for no items.
     */
    static <T> void batch(Connection connection, String sql, Collection<T> items, ItemBinder<T> binder)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The first row of the result, read by {@code reader}, or empty if there is none. */
    static <T> Optional<T> first(Connection connection, String sql, Binder binder, Reader<T> reader)
            throws SQLException {
        List<T> all = query(connection, sql, binder, reader);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    static <T> List<T> query(Connection connection, String sql, Binder binder, Reader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        }
    }

    /** Runs a query whose whole result set is consumed by {@code reader} (which calls next() itself). */
    static <T> T queryAll(Connection connection, String sql, Binder binder, Reader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        }
    }

    /** Binds an instant as epoch milliseconds (anything finer is dropped), or SQL NULL for null. */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    /** Reads an epoch-milliseconds column; null for SQL NULL. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
