package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.spi.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callvault audit verify|export} in-process on the embedded SQLite catalog. */
class AuditCliTest {
    @TempDir
    Path dir;
    Path config;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("callvault.properties");
        Files.writeString(config, "data_dir = " + data + "\n");
    }

    Cli.Result run(String... args) {
        return new Cli(config).run(args);
    }

    private List<AuditEntry> appendThree() throws Exception {
        Cli.Result empty = run("audit", "verify");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("audit chain OK: 0 entries");
        try (SqlCatalog catalog = SqlCatalog.sqlite(data.resolve("catalog.db"))) {
            catalog.auditLog().append("alice", "192.0.2.7", "recording.export", "3f2c9a1e", "ok", "to \"x.wav\"");
            catalog.auditLog().append("bob", "cli", "recording.delete", "3f2c9a1e", "denied", "");
            catalog.auditLog().append("retention", "cli", "recording.shred", "77aa", "failed", "key service down");
            return catalog.auditLog().read(1, 10);
        }
    }

    @Test
    void intactLog_verifiesOk_andExportsOneJsonObjectPerEntry() throws Exception {
        List<AuditEntry> entries = appendThree();
        Cli.Result verify = run("audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out().strip()).isEqualTo("audit chain OK: 3 entries, 0 checkpoints");

        Path out = dir.resolve("audit.jsonl");
        Cli.Result export = run("audit", "export", "--out", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("{\"seq\":1,\"at\":\"").contains("\"actor\":\"alice\"")
                .contains("\"source\":\"192.0.2.7\"").contains("\"action\":\"recording.export\"")
                .contains("\"target\":\"3f2c9a1e\"").contains("\"outcome\":\"ok\"")
                .contains("\"details\":\"to \\\"x.wav\\\"\"").contains("\"prevHash\":\"" + "0".repeat(64) + "\"")
                .contains("\"hash\":\"" + entries.getFirst().hash() + "\"");
        assertThat(lines.get(2)).contains("\"seq\":3").contains("\"prevHash\":\"" + entries.get(1).hash() + "\"")
                .contains("\"outcome\":\"failed\"");
    }

    @Test
    void rowEditedWithSql_verifyExitsOneNamingTheSeq() throws Exception {
        appendThree();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET outcome = 'ok' WHERE seq = 2");
        }
        Cli.Result verify = run("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("audit chain broken at entry 2: hash mismatch");
    }

    @Test
    void rowDeletedWithSql_verifyExitsOneNamingTheNextSeq() throws Exception {
        appendThree();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 1");
        }
        Cli.Result verify = run("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("audit chain broken at entry 2: gap in seq");
    }

    @Test
    void tailDeletedAfterSignedCheckpoint_verifyExitsOneAtTheFirstMissingEntry() throws Exception {
        appendThree();
        Cli.Result checkpoint = run("audit", "checkpoint");
        assertThat(checkpoint.exit()).as(checkpoint.err()).isZero();
        assertThat(checkpoint.out()).contains("checkpoint at entry 3 signed with key");
        assertThat(run("audit", "verify").out()).contains("audit chain OK: 3 entries, 1 checkpoint");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 3"); // the chain of 1..2 alone is still valid
        }
        Cli.Result verify = run("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("entry 3");
    }

    @Test
    void checkpointSignedWithAnotherKey_verifyExitsOne() throws Exception {
        appendThree();
        assertThat(run("audit", "checkpoint").exit()).isZero();
        Files.delete(data.resolve("audit-signing.key")); // a new key is made; the old checkpoint no longer verifies
        Cli.Result verify = run("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).containsIgnoringCase("key");
    }
}
