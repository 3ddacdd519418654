package io.callvault.store.sql;

import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.testkit.CatalogContract;
import io.callvault.testkit.CatalogFixtures;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogTest extends CatalogContract {

    @TempDir
    Path dir;

    @Override
    protected Catalog newCatalog() throws CatalogException {
        return SqlCatalog.sqlite(dir.resolve("catalog.db"));
    }

    @Test
    void reopen_keepsRecordingsKeysTombstonesAndSettings() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        catalog.create(fullRow(id(2)), key("kek-1", 2));
        catalog.shred(id(2), "erasure request", "dpo@example.com", CatalogFixtures.T0);
        catalog.putSetting("keyring.id", "0b0e");
        catalog.close();

        try (Catalog reopened = SqlCatalog.sqlite(dir.resolve("catalog.db"))) {
            assertThat(reopened.find(id(1))).contains(fullRow(id(1)));
            assertThat(reopened.dataKey(id(1))).isEqualTo(key("kek-1", 1));
            assertThat(reopened.tombstone(id(2))).isPresent();
            assertThat(reopened.setting("keyring.id")).contains("0b0e");
        }
    }

    @Test
    void describe_namesTheFile() {
        assertThat(catalog.describe()).isEqualTo("SQLite " + dir.resolve("catalog.db").toAbsolutePath());
    }

    @Test
    void file_isInWalModeWithTheSchemaMigrated() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"));
             Statement s = c.createStatement()) {
            try (ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet version = s.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getString(1)).isEqualTo("10");
            }
        }
    }

    @Test
    void missingDirectory_failsNamingIt() {
        Path file = dir.resolve("no-such-dir").resolve("catalog.db");
        assertThatThrownBy(() -> SqlCatalog.sqlite(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("SQLite " + file)
                .hasMessageContaining("does not exist");
    }

    @Test
    void fileThatIsNotADatabase_failsNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.db"), "these are not the pages you are looking for. ".repeat(100));
        assertThatThrownBy(() -> SqlCatalog.sqlite(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("SQLite " + file);
    }
}
