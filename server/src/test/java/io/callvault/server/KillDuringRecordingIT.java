package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.AudioFormat;
import io.callvault.core.RecordingId;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.CrashRecovery;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real recording process with SIGKILL mid-write and checks what the next start recovers. */
class KillDuringRecordingIT {
    @TempDir
    Path dir;

    @Test
    void kill9MidWrite_recordingIsSealedInterruptedAndPlayableUpToTheKill() throws Exception {
        Path config = dir.resolve("callvault.properties");
        Files.writeString(config, "data_dir = " + dir.resolve("data") + "\n");
        RecordingId id;
        long synced;
        try (ServerProcess p = ServerProcess.start(Map.of(), RecordingProcessMain.class.getName(), config.toString())) {
            id = RecordingId.parse(p.await("RECORDING ", 60).substring("RECORDING ".length()));
            p.await("SYNCED 96000", 60); // three seconds of audio are durable
            synced = Long.parseLong(p.awaitLast("SYNCED ", 10).substring("SYNCED ".length()));
            p.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no seal
            assertThat(p.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.process.exitValue()).isEqualTo(137);
        }

        try (Vault vault = Services.openVault(ServerConfig.load(config, Map.of()), Map.of())) {
            RecordingRow before = vault.find(id);
            assertThat(before.state()).isEqualTo(RecordingState.RECORDING);
            // not visible as playable: listing sealed recordings does not show it
            assertThat(vault.catalog().search(RecordingQuery.all().withState(RecordingState.SEALED))).isEmpty();

            CrashRecovery.Report report = new CrashRecovery(vault).recover();

            assertThat(report.interrupted()).containsExactly(id);
            RecordingRow row = vault.find(id);
            assertThat(row.state()).isEqualTo(RecordingState.INTERRUPTED);
            AudioFormat fmt = row.format();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RecordingReader r = vault.open(id)) {
                r.copyVerified(out);
            }
            byte[] audio = out.toByteArray();
            assertThat((long) audio.length).isGreaterThanOrEqualTo(synced - 16384);
            assertThat(audio).isEqualTo(TestAudio.slice(fmt, 0, audio.length));
            assertThat(row.durationMillis()).isEqualTo(fmt.millisFor(audio.length));
            assertThat(vault.blobs().pendingKeys()).isEmpty();
        }
    }
}
