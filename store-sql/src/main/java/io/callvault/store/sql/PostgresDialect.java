package io.callvault.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog on a PostgreSQL server. Not a record on purpose: a record's {@code toString()} would
 * print the password.
 */
final class PostgresDialect implements Dialect {
    private static final Logger log = LoggerFactory.getLogger(PostgresDialect.class);
    private static final int MAX_CONNECTIONS = 10;
    private static final int MIN_IDLE = 2;
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Shown in pg_stat_activity, so a DBA can tell callvault's connections apart. */
    private static final String APPLICATION_NAME = "callvault-catalog";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    PostgresDialect(String jdbcUrl, String user, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected "
                    + "jdbc:postgresql://host:port/database): " + withoutQuery(jdbcUrl));
        }
    }

    /** The URL without its query string, which may carry a password ({@code ?password=...}). */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String describe() {
        return "PostgreSQL " + withoutQuery(jdbcUrl);
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public HikariDataSource open() throws CatalogException {
        // One plain connection first: a failure then reaches the caller at once, as the driver's own
        // exception, instead of after HikariCP's one-second retry pause and its stack trace in the log.
        try (Connection probe = DriverManager.getConnection(jdbcUrl, probeProperties())) {
            log.info("{}: server version {}", describe(), probe.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw PostgresFailures.onConnect(describe(), user, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("catalog-postgresql");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(MIN_IDLE);
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw PostgresFailures.onConnect(describe(), user, e.getCause() == null ? e : e.getCause());
        }
    }

    private Properties probeProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        return properties;
    }

    @Override
    public void bindId(PreparedStatement statement, int index, RecordingId id) throws SQLException {
        statement.setObject(index, id.value());
    }

    /** An array parameter: {@code = ANY(?)} is the array form of IN and can use the column's index. */
    @Override
    public String inSet(String column) {
        return column + " = ANY(?)";
    }

    @Override
    public void bindTexts(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray(String[]::new)));
    }

    @Override
    public void bindIds(PreparedStatement statement, int index, Collection<RecordingId> ids) throws SQLException {
        UUID[] uuids = ids.stream().map(RecordingId::value).toArray(UUID[]::new);
        statement.setArray(index, statement.getConnection().createArrayOf("uuid", uuids));
    }

    @Override
    public String lockRow() {
        return " FOR UPDATE";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public String toString() {
        return describe();
    }
}
