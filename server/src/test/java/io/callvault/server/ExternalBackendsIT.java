package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.RecordingId;
import io.callvault.server.config.ServerConfig;
import io.callvault.testkit.PgTestDatabase;
import io.callvault.testkit.S3ProxyProcess;
import io.callvault.vault.CrashRecovery;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingState;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on its scale-out back ends: catalog on a real PostgreSQL (one schema per test) and
 * blobs on a real S3 API (s3proxy), configured the way an operator would, through the config file.
 */
class ExternalBackendsIT {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    @TempDir
    static Path proxyDir;
    private static S3ProxyProcess s3;

    @TempDir
    Path dir;
    PgTestDatabase pg;
    String schema;
    Path config;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyProcess.start(proxyDir);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void configure() throws Exception {
        pg = PgTestDatabase.fromEnvironment();
        schema = pg.createSchema();
        config = dir.resolve("callvault.properties");
        Files.writeString(config, String.join("\n",
                "data_dir = " + dir.resolve("data"),
                "catalog.url = " + pg.urlFor(schema),
                "catalog.user = " + pg.user(),
                "catalog.password = " + pg.password(),
                "blobs.store = s3",
                "blobs.s3.endpoint = " + s3.endpoint(),
                "blobs.s3.bucket = cv-e2e-" + BUCKETS.incrementAndGet() + "-" + ProcessHandle.current().pid(),
                "blobs.s3.access_key = " + S3ProxyProcess.IDENTITY,
                "blobs.s3.secret_key = " + S3ProxyProcess.CREDENTIAL,
                "blobs.s3.create_bucket = true", ""));
    }

    @AfterEach
    void dropSchema() throws Exception {
        pg.dropSchema(schema);
    }

    @Test
    void importExportRotateDelete_onPostgresAndS3() throws Exception {
        Cli cli = new Cli(config);
        Path in = dir.resolve("in.wav");
        byte[] audio = TestAudio.slice(io.callvault.core.AudioFormat.STEREO_8K, 0, 64000);
        Files.write(in, CliTest.concat(io.callvault.vault.wav.WavWriter.header(
                io.callvault.core.AudioFormat.STEREO_8K, audio.length), audio));

        Cli.Result imp = cli.run("import", in.toString(), "--caller", "+14155550123", "--callee", "+4930123456");
        assertThat(imp.exit()).as(imp.err()).isZero();
        String id = imp.out().strip();
        assertThat(cli.run("recordings", "list", "--party", "+4930123456").out()).contains(id);
        assertThat(cli.run("config", "show").out()).contains("blobs.s3.secret_key").doesNotContain(S3ProxyProcess.CREDENTIAL)
                .doesNotContain("password = " + pg.password() + " ");

        Path out = dir.resolve("out.wav");
        assertThat(cli.run("recordings", "export", id, "--out", out.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
        assertThat(cli.run("keys", "rotate").out()).contains("1 data key(s) re-wrapped");
        assertThat(cli.run("recordings", "export", id, "--out", out.toString(), "--force").exit()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));

        assertThat(cli.run("recordings", "delete", id, "--reason", "e2e").exit()).isZero();
        try (Vault vault = Services.openVault(ServerConfig.load(config, Map.of()), Map.of())) {
            assertThat(vault.blobs().list("recordings/")).isEmpty();
            assertThat(vault.catalog().tombstone(RecordingId.parse(id))).isPresent();
            assertThat(vault.catalog().describe()).startsWith("PostgreSQL");
        }
    }

    @Test
    void kill9MidWrite_onPostgresAndS3_isRecoveredAsInterrupted() throws Exception {
        RecordingId id;
        try (ServerProcess p = ServerProcess.start(Map.of(), RecordingProcessMain.class.getName(), config.toString())) {
            id = RecordingId.parse(p.await("RECORDING ", 60).substring("RECORDING ".length()));
            p.await("SYNCED 64000", 60);
            p.process.destroyForcibly();
            assertThat(p.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (Vault vault = Services.openVault(ServerConfig.load(config, Map.of()), Map.of())) {
            assertThat(new CrashRecovery(vault).recover().interrupted()).containsExactly(id);
            assertThat(vault.find(id).state()).isEqualTo(RecordingState.INTERRUPTED);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RecordingReader r = vault.open(id)) {
                r.copyVerified(out);
            }
            assertThat(out.size()).isGreaterThanOrEqualTo(64000 - 16384);
            assertThat(out.toByteArray()).isEqualTo(TestAudio.slice(vault.find(id).format(), 0, out.size()));
        }
    }
}
