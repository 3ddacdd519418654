package io.callvault.store.sql;

import io.callvault.vault.spi.CatalogException;
import java.sql.SQLException;

/**
 * Turns a failure to reach a PostgreSQL catalog into a message that says what to check. The driver's
 * SQLSTATE (PostgreSQL manual, appendix A) tells a wrong password from an unreachable server.
 */
final class PostgresFailures {
    private PostgresFailures() {
    }

    static CatalogException onConnect(String catalog, String user, Throwable cause) {
        String state = cause instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : "";
        String advice = switch (state) {
            case "28P01" -> "authentication failed for user '" + user + "': check the user name and password "
                    + "configured for the catalog";
            case "28000" -> "the server refused user '" + user + "': check that pg_hba.conf allows this user "
                    + "from this host and that the role may log in";
            case "3D000" -> "the database does not exist: create it (createdb) or fix the database name in "
                    + "the URL";
            case "53300" -> "the server has no free connection slots: raise max_connections on the server "
                    + "or stop other clients";
            case "08001", "08004", "08006", "08000" -> "cannot reach the server: check the host and port in the "
                    + "URL, that PostgreSQL is running, that it accepts TCP connections there "
                    + "(listen_addresses) and that no firewall is in the way";
            default -> state.startsWith("28")
                    ? "the server refused the login of user '" + user + "': check the credentials"
                    : "cannot connect (SQLSTATE " + (state.isEmpty() ? "unknown" : state) + "): check the URL, "
                    + "the server and the credentials";
        };
        return new CatalogException(catalog + ": " + advice + " (" + detail(cause) + ")", cause);
    }

    /** The driver's message, plus the innermost cause when it says more (e.g. an unknown host name). */
    private static String detail(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? cause.getMessage() : cause.getMessage() + "; caused by " + root;
    }
}
