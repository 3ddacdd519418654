package io.callvault.store.sql;

import io.callvault.testkit.PgTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.CatalogException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A catalog that cannot be opened says which one and what to check, and never shows the password. */
class PostgresConnectFailureTest {

    @Test
    void wrongPassword_saysToCheckTheCredentials() {
        PgTestDatabase db = PgTestDatabase.fromEnvironment();
        String wrong = "not-the-password-" + System.nanoTime();
        assertThatThrownBy(() -> SqlCatalog.postgres(db.url(), db.user(), wrong))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("PostgreSQL " + PostgresDialect.withoutQuery(db.url()) + ": ")
                .hasMessageContaining("authentication failed for user '" + db.user() + "'")
                .hasMessageContaining("check the user name and password")
                .message().doesNotContain(wrong);
    }

    @Test
    void missingDatabase_saysToCreateIt() {
        PgTestDatabase db = PgTestDatabase.fromEnvironment();
        String url = PostgresDialect.withoutQuery(db.url()).replaceFirst("/[^/]*$", "/callvault_no_such_db");
        assertThatThrownBy(() -> SqlCatalog.postgres(url, db.user(), db.password()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("database does not exist");
    }

    @Test
    void unreachableServer_saysToCheckHostAndPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/callvault?password=in-url-secret";
        assertThatThrownBy(() -> SqlCatalog.postgres(url, "callvault", "secret-password"))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("PostgreSQL jdbc:postgresql://127.0.0.1:" + closedPort + "/callvault: ")
                .hasMessageContaining("cannot reach the server: check the host and port")
                .message().doesNotContain("secret");
    }

    @Test
    void notAPostgresUrl_isRejected() {
        assertThatThrownBy(() -> SqlCatalog.postgres("jdbc:mysql://db/callvault?password=hunter2", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database")
                .message().doesNotContain("hunter2");
    }

    @Test
    void describe_omitsTheQueryString() {
        assertThat(PostgresDialect.withoutQuery("jdbc:postgresql://h:5432/db?user=u&password=p"))
                .isEqualTo("jdbc:postgresql://h:5432/db");
    }
}
