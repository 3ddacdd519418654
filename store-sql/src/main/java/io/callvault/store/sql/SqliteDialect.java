package io.callvault.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded catalog: one SQLite file in WAL mode.
 *
 * <p>The pool holds exactly one connection. SQLite admits one writer at a time anyway, and a single
 * connection turns concurrent callers into a queue in the pool instead of SQLITE_BUSY failures; the
 * busy timeout only covers other processes (an operator's sqlite3 shell) holding the file.
 */
record SqliteDialect(Path file) implements Dialect {
    private static final Logger log = LoggerFactory.getLogger(SqliteDialect.class);
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);

    SqliteDialect {
        file = file.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "SQLite " + file;
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public HikariDataSource open() throws CatalogException {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CatalogException(describe() + ": directory " + dir + " does not exist; create the data "
                    + "directory or fix the configured catalog path");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("catalog-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setDataSourceProperties(pragmas().toProperties());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CatalogException(describe() + ": cannot open the database file (check that it is a "
                    + "SQLite database and that this user may read and write it and its directory): "
                    + cause.getMessage(), cause);
        }
    }

    /** Applied by the driver to every new connection; secure_delete and foreign_keys are per connection. */
    private static SQLiteConfig pragmas() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed shred or seal survives a power cut, not only a process crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        // Deleted rows (shredded wrapped keys above all) are overwritten with zeros in the file.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // Take the write lock at BEGIN, so a transaction never fails half-way upgrading a read lock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    @Override
    public void bindId(PreparedStatement statement, int index, RecordingId id) throws SQLException {
        statement.setString(index, id.value().toString());
    }

    /** A JSON array parameter, unpacked by the built-in json_each table function. */
    @Override
    public String inSet(String column) {
        return column + " IN (SELECT value FROM json_each(?))";
    }

    @Override
    public void bindTexts(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setString(index, jsonArray(values));
    }

    @Override
    public void bindIds(PreparedStatement statement, int index, Collection<RecordingId> ids) throws SQLException {
        statement.setString(index, jsonArray(ids.stream().map(RecordingId::toString).toList()));
    }

    /** A JSON array of strings (RFC 8259 section 7 escaping). */
    static String jsonArray(Collection<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"' || ch == '\\') {
                    json.append('\\').append(ch);
                } else if (ch < 0x20) {
                    json.append("\\u%04x".formatted((int) ch));
                } else {
                    json.append(ch);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    @Override
    public String lockRow() {
        return "";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLiteException s
                && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }

    /**
     * Copies the WAL into the database file and truncates the WAL to zero bytes: until then the pages
     * that held the shredded key, as last committed, are still in the WAL file.
     */
    @Override
    public void afterShred(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (result.next() && result.getInt(1) != 0) {
                log.warn("{}: the checkpoint after a shred was blocked by another reader of the file; the "
                        + "destroyed key stays in the WAL until the next checkpoint", describe());
            }
        }
    }
}
