package io.callvault.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.core.RecordingId;
import io.callvault.server.Platform;
import io.callvault.server.config.ServerConfig;
import io.callvault.testkit.PgTestDatabase;
import io.callvault.vault.NewRecording;
import io.callvault.vault.RecordingWriter;
import io.callvault.vault.Vault;
import io.callvault.vault.access.Actor;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.hold.HoldScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance jobs on a real db-scheduler over the catalog database: the retention job shreds an
 * expired recording but not a held one or a fresh one, and the checkpoint job signs the audit log.
 * Runs on SQLite always and on PostgreSQL when the test database is configured.
 */
class GovernanceJobsTest {
    private static final Duration FAST = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void sqlite_retentionJobShredsExpiredUnheld_andCheckpointJobSigns() throws Exception {
        runJobs("");
    }

    @Test
    void postgres_retentionJobShredsExpiredUnheld_andCheckpointJobSigns() throws Exception {
        PgTestDatabase pg = PgTestDatabase.fromEnvironment();
        String schema = pg.createSchema();
        try {
            runJobs("catalog.url = " + pg.urlFor(schema) + "\ncatalog.user = " + pg.user()
                    + "\ncatalog.password = " + pg.password() + "\n");
        } finally {
            pg.dropSchema(schema);
        }
    }

    private void runJobs(String catalogSettings) throws Exception {
        Path file = dir.resolve("callvault.properties");
        Files.writeString(file, "data_dir = " + dir.resolve("data") + "\nretention.default_days = 30\n" + catalogSettings);
        ServerConfig config = ServerConfig.load(file, Map.of());
        try (Platform platform = Platform.open(config, Map.of())) {
            Instant now = Instant.now();
            RecordingId expired = record(platform.vault(), now.minus(Duration.ofDays(31)));
            RecordingId held = record(platform.vault(), now.minus(Duration.ofDays(40)));
            RecordingId fresh = record(platform.vault(), now.minus(Duration.ofDays(29)));
            Actor compliance = new Actor("carol", Set.of(Role.COMPLIANCE), Set.of(), null, "test");
            LegalHolds holds = platform.holds();
            holds.create(compliance, "Smith v Acme", "pending litigation", "M-1", HoldScope.ids(Set.of(held)));

            try (GovernanceJobs jobs = GovernanceJobs.start(platform, new ServerConfig.Jobs(30, FAST, FAST))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> platform.catalog().find(expired).isEmpty());
                await().atMost(Duration.ofSeconds(60)).until(() -> !platform.catalog().checkpoints().list().isEmpty());
            }
            assertThat(platform.catalog().tombstone(expired)).hasValueSatisfying(t ->
                    assertThat(t.reason()).contains("retention"));
            assertThat(platform.catalog().find(held)).isPresent();
            assertThat(platform.catalog().find(fresh)).isPresent();
            assertThat(platform.audit().verify().ok()).isTrue();
            assertThat(platform.catalog().auditLog().read(1, 1000)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("recording.dispose");
                assertThat(e.target()).isEqualTo(expired.toString());
            });
        }
    }

    private static RecordingId record(Vault vault, Instant startedAt) throws Exception {
        try (RecordingWriter w = vault.startRecording(new NewRecording("call-" + startedAt.toEpochMilli(),
                Party.of("+14155550100"), Party.of("+14155550111"), Direction.IN, "201", startedAt,
                AudioFormat.STEREO_8K, Map.of()), Vault.SyncPolicy.AT_SEAL)) {
            w.write(new byte[3200], 0, 3200);
            return w.seal().id();
        }
    }
}
