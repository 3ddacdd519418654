package io.callvault.server.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * db-scheduler on SQLite, which that library does not support out of the box: instants are stored as
 * epoch milliseconds (the SQLite driver cannot read timestamps with zones), result sizes are limited with
 * {@code LIMIT n} (SQLite has no {@code FETCH FIRST}), and polling uses fetch-then-lock (SQLite has no
 * {@code SKIP LOCKED}; it has one writer anyway). The table is created by the catalog's migrations.
 */
final class SqliteSchedulerDialect extends DefaultJdbcCustomization {

    SqliteSchedulerDialect() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite (callvault)";
    }

    @Override
    public void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public boolean supportsSingleStatementLockAndFetch() {
        return false;
    }

    @Override
    public boolean supportsGenericLockAndFetch() {
        return false;
    }
}
