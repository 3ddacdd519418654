package io.callvault.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;

/**
 * The real PostgreSQL the tests run against, named by {@code CALLVAULT_TEST_PG_URL}, {@code _USER} and
 * {@code _PASSWORD} (scripts/start-postgres.sh prints them). Each test gets a schema of its own, so tests
 * never see each other's rows.
 */
public record PgTestDatabase(String url, String user, String password) {
    private static final Random NAMES = new Random();

    /**
     * @throws IllegalStateException if the variables are unset: these tests must fail, not skip, when
     *                               there is no server, or a missing PostgreSQL would pass unnoticed
     */
    public static PgTestDatabase fromEnvironment() {
        String url = System.getenv("CALLVAULT_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("CALLVAULT_TEST_PG_URL is not set, and the PostgreSQL catalog tests "
                    + "need a real server. Run scripts/test.sh (it starts one), or run "
                    + "eval \"$(scripts/start-postgres.sh)\" first, or set CALLVAULT_TEST_PG_URL, "
                    + "CALLVAULT_TEST_PG_USER and CALLVAULT_TEST_PG_PASSWORD to a server of your own.");
        }
        return new PgTestDatabase(url, env("CALLVAULT_TEST_PG_USER"), env("CALLVAULT_TEST_PG_PASSWORD"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set (CALLVAULT_TEST_PG_URL is); set all three "
                    + "CALLVAULT_TEST_PG_* variables, e.g. with eval \"$(scripts/start-postgres.sh)\"");
        }
        return value;
    }

    /** Creates an empty schema with a random name and returns the name. */
    public String createSchema() throws SQLException {
        byte[] suffix = new byte[6];
        synchronized (NAMES) {
            NAMES.nextBytes(suffix);
        }
        String schema = "cv_test_" + HexFormat.of().formatHex(suffix);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** The URL with {@code currentSchema} set, so the catalog and its migrations live in that schema. */
    public String urlFor(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public String toString() {
        return "PgTestDatabase[" + url + " as " + user + "]";
    }
}
