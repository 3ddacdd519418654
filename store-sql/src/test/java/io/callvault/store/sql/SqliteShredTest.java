package io.callvault.store.sql;

import static io.callvault.testkit.CatalogFixtures.T0;
import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.WrappedKey;
import io.callvault.vault.spi.decision.DecisionRecord;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crypto-shredding on SQLite must remove the wrapped key's bytes (and the decision's phone numbers) from
 * the disk, not only from query results: secure_delete zeroes the freed cell and the shred's checkpoint empties the WAL that still
 * held the page as it was before.
 */
class SqliteShredTest {
    private static final int RECORDINGS = 40;

    @TempDir
    Path dir;

    @Test
    void shred_leavesNoCopyOfTheWrappedKeyInAnyDatabaseFile() throws Exception {
        Path file = dir.resolve("catalog.db");
        WrappedKey[] keys = new WrappedKey[RECORDINGS];
        Random random = new Random(42);
        try (SqlCatalog catalog = SqlCatalog.sqlite(file)) {
            for (int n = 0; n < RECORDINGS; n++) {
                byte[] wrapped = new byte[48];
                random.nextBytes(wrapped);
                keys[n] = new WrappedKey("kek-1", wrapped);
                catalog.create(fullRow(id(n)), keys[n]);
            }
            WrappedKey victim = keys[RECORDINGS / 2];
            assertThat(filesContaining(file, victim.ciphertext()))
                    .as("control: before the shred the key is on disk, so the scan can see it").isNotEmpty();

            catalog.shred(id(RECORDINGS / 2), "erasure request", "dpo@example.com", T0);

            assertThat(filesContaining(file, victim.ciphertext())).as("files still holding the shredded key").isEmpty();
            assertThat(filesContaining(file, keys[0].ciphertext()))
                    .as("control: a live recording's key is still on disk").isNotEmpty();
        }
        assertThat(filesContaining(file, keys[RECORDINGS / 2].ciphertext())).as("after close").isEmpty();
    }

    @Test
    void shred_leavesNoCopyOfTheRecordingsDecisionInAnyDatabaseFile() throws Exception {
        Path file = dir.resolve("catalog.db");
        String victimNumber = "+4930555012345";
        try (SqlCatalog catalog = SqlCatalog.sqlite(file)) {
            for (int n = 0; n < 2; n++) {
                catalog.create(fullRow(id(n)), new WrappedKey("kek-1", new byte[32]));
                String number = n == 0 ? victimNumber : "+4930555067890";
                catalog.decisions().put(new DecisionRecord("call-" + n, id(n), T0, "2025.1", "ab".repeat(32), true,
                        "{\"inputs\":{\"caller\":{\"number\":\"" + number + "\"}}}", null, "recorded"));
            }
            byte[] victim = victimNumber.getBytes(StandardCharsets.UTF_8);
            assertThat(filesContaining(file, victim)).as("control: the decision is on disk").isNotEmpty();

            catalog.shred(id(0), "erasure request", "dpo@example.com", T0);

            assertThat(filesContaining(file, victim)).as("files still holding the shredded decision").isEmpty();
            assertThat(filesContaining(file, "+4930555067890".getBytes(StandardCharsets.UTF_8)))
                    .as("control: a live recording's decision is still on disk").isNotEmpty();
        }
    }

    /** Names of the database file and its -wal and -shm companions that contain {@code needle}. */
    private static List<String> filesContaining(Path db, byte[] needle) throws IOException {
        List<String> found = new ArrayList<>();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
                found.add(file.getFileName() + " holds " + HexFormat.of().formatHex(needle, 0, 8) + "…");
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
