package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import io.callvault.core.RecordingId;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.access.Actor;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.wav.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention, legal holds and users from the command line, on the embedded catalog. */
class GovernanceCliTest {
    @TempDir
    Path dir;
    Path config;
    Path wav;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("callvault.properties");
        Files.writeString(config, "data_dir = " + dir.resolve("data") + "\n");
        AudioFormat fmt = AudioFormat.STEREO_8K;
        byte[] audio = TestAudio.slice(new AudioFormat(AudioEncoding.PCM_S16LE, 8000, 1), 0, fmt.bytesPerSecond());
        byte[] header = WavWriter.header(fmt, audio.length);
        byte[] file = new byte[header.length + audio.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(audio, 0, file, header.length, audio.length);
        wav = dir.resolve("call.wav");
        Files.write(wav, file);
    }

    Cli.Result run(String... args) {
        return new Cli(config).run(args);
    }

    private String importAt(String startedAt) {
        Cli.Result r = run("import", wav.toString(), "--caller", "+14155550123", "--callee", "+442071838750",
                "--started-at", startedAt, "--direction", "in", "--agent", "201", "--tag", "category=qa");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip();
    }

    @Test
    void retentionRun_dryRunChangesNothing_thenDeletesExactlyTheExpiredUnheld() throws Exception {
        Cli.Result set = run("retention", "set", "qa", "--days", "90", "--match", "category=qa");
        assertThat(set.exit()).as(set.err()).isZero();
        String expired = importAt("2020-01-01T10:00:00Z");
        String held = importAt("2020-01-02T10:00:00Z");
        String recent = importAt(java.time.Instant.now().minusSeconds(86_400).toString());
        try (Platform p = Platform.open(ServerConfig.load(config, Map.of()), Map.of())) {
            p.holds().create(new Actor("carol", Set.of(Role.COMPLIANCE), Set.of(), null, "test"), "Smith v Acme",
                    "pending litigation", "M-7", HoldScope.ids(Set.of(RecordingId.parse(held))));
        }

        Cli.Result dry = run("retention", "run", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).containsPattern("would_delete\\s+" + expired).containsPattern("kept_held\\s+" + held)
                .contains("Smith v Acme").doesNotContain(recent);
        assertThat(run("recordings", "list").out()).contains(expired, held, recent);

        Cli.Result manual = run("recordings", "delete", held, "--reason", "tidy up");
        assertThat(manual.exit()).isNotZero();
        assertThat(manual.err()).contains("legal hold").contains("Smith v Acme");

        Cli.Result real = run("retention", "run");
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.out()).containsPattern("deleted\\s+" + expired);
        String list = run("recordings", "list").out();
        assertThat(list).doesNotContain(expired).contains(held, recent);
        assertThat(run("recordings", "show", expired).err()).contains("deleted");

        Cli.Result verify = run("audit", "verify");
        assertThat(verify.exit()).as(verify.out()).isZero();
        try (Platform p = Platform.open(ServerConfig.load(config, Map.of()), Map.of())) {
            List<AuditEntry> log = p.catalog().auditLog().read(1, 1000);
            assertThat(log).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("recording.delete");
                assertThat(e.target()).isEqualTo(held);
                assertThat(e.outcome()).isEqualTo("denied");
            });
            assertThat(log).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("recording.dispose");
                assertThat(e.target()).isEqualTo(expired);
            });
            assertThat(log).extracting(AuditEntry::action).contains("recording.import", "recording.list",
                    "retention.policy_put", "retention.dry_run", "hold.create");
        }
    }

    @Test
    void userAdd_printsOneTimePassword_listShowsRoles_andBadInputIsExplained() {
        Cli.Result add = run("user", "add", "dave", "--role", "supervisor", "--team", "blue", "--extension", "202");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("one-time password");
        Cli.Result list = run("user", "list");
        assertThat(list.out()).containsPattern("dave\\s+supervisor\\s+blue\\s+202\\s+must change password");
        assertThat(list.out()).doesNotContain("argon2");

        Cli.Result again = run("user", "add", "dave", "--role", "agent");
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("exists");
        Cli.Result badRole = run("user", "add", "eve", "--role", "boss");
        assertThat(badRole.exit()).isNotZero();
        assertThat(badRole.err()).contains("unknown role 'boss'").contains("compliance");

        assertThat(run("user", "update", "dave", "--disable").exit()).isZero();
        assertThat(run("user", "list").out()).containsPattern("dave\\s+.*disabled");
    }
}
