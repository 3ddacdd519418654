package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.peers.Harness;
import io.callvault.vault.CrashRecovery;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real baresip softphones register with callvault (digest auth) and call each other through it; each
 * speaks different test audio. The decrypted recording must carry the caller's speech on the left and
 * the callee's on the right, and last as long as the call.
 */
class BaresipCallIT {
    private static final int CALL_SECONDS = 12;

    @TempDir
    Path dir;

    @Test
    void twoBaresipPhones_callThroughCallvault_andTheRecordingHasEachPartyOnItsChannel() throws Exception {
        Path audio;
        try (LiveServer server = LiveServer.start(dir)) {
            audio = server.call(CALL_SECONDS, null);
            server.awaitLog("sealed", 30);
        }
        RecordingRow row = onlyRecording(dir, RecordingState.SEALED);
        assertThat(row.caller().number().e164()).isEqualTo("201");
        assertThat(row.callee().number().e164()).isEqualTo("202");
        assertThat(row.caller().displayName()).isEqualTo("Alice");
        assertThat(row.durationMillis()).isBetween((CALL_SECONDS - 1) * 1000L, (CALL_SECONDS + 2) * 1000L);
        assertChannels(dir, row, audio);

        Cli.Result calls = new Cli(dir.resolve("callvault.properties")).run("calls", "--json");
        assertThat(calls.exit()).as(calls.err()).isZero();
        assertThat(calls.out()).contains("\"caller\" : \"201\"").contains("\"callee\" : \"202\"")
                .contains("\"disposition\" : \"answered\"").contains("\"direction\" : \"internal\"")
                .contains("\"recordingId\" : \"" + row.id() + "\"").contains("\"endedBy\" : \"caller\"");
    }

    @Test
    void overTcp_bothPhonesRegisterAndCall_andTheCallIsRecorded() throws Exception {
        Path audio;
        try (LiveServer server = LiveServer.start(dir)) {
            audio = server.call(8, null, "tcp");
            server.awaitLog("sealed", 30);
        }
        assertThat(Files.readString(dir.resolve("bob/baresip.log"))).contains("{0/TCP/v4} 200 OK");
        assertThat(Files.readString(dir.resolve("alice/baresip.log"))).contains("{0/TCP/v4} 200 OK");
        RecordingRow row = onlyRecording(dir, RecordingState.SEALED);
        assertThat(row.durationMillis()).isBetween(7000L, 10_000L);
        assertChannels(dir, row, audio);
    }

    @Test
    void serverKilledMidCall_recordingIsInterruptedAndPlayableAfterRestart() throws Exception {
        Path audio;
        // without the PCI delay line: audio held there (pci.delay_seconds, 3 s by default) dies with the process
        try (LiveServer server = LiveServer.start(dir, "pci.delay_seconds = 0")) {
            audio = server.call(9, () -> {
                server.process.process.destroyForcibly(); // kill -9 of callvault while the call is up
                try {
                    server.process.process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.restart(); // start-up recovery seals the recording as interrupted
            server.awaitLog("Crash recovery", 30);
        }
        RecordingRow row = onlyRecording(dir, RecordingState.INTERRUPTED);
        assertThat(row.stateReason()).contains("recovered");
        assertThat(row.durationMillis()).isBetween(7000L, 10_000L);
        assertChannels(dir, row, audio);
    }

    private static RecordingRow onlyRecording(Path dir, RecordingState state) throws Exception {
        try (Vault vault = Services.openVault(io.callvault.server.config.ServerConfig.load(
                dir.resolve("callvault.properties"), Map.of()), Map.of())) {
            List<RecordingRow> rows = vault.catalog().search(RecordingQuery.all());
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst().state()).isEqualTo(state);
            assertThat(new CrashRecovery(vault).recover().nothingToDo()).isTrue();
            return rows.getFirst();
        }
    }

    /** The caller's sentence is on the left channel, the callee's on the right. */
    private static void assertChannels(Path dir, RecordingRow row, Path audio) throws Exception {
        Path wav = dir.resolve("recording.wav");
        try (Vault vault = Services.openVault(io.callvault.server.config.ServerConfig.load(
                dir.resolve("callvault.properties"), Map.of()), Map.of());
             RecordingReader r = vault.open(row.id()); OutputStream out = Files.newOutputStream(wav)) {
            r.writeWav(out);
        }
        Harness.assertContains(audio.resolve("caller_speech.wav"), Harness.channel(wav, 1, dir.resolve("left.wav")), 3);
        Harness.assertContains(audio.resolve("callee_speech.wav"), Harness.channel(wav, 2, dir.resolve("right.wav")), 3);
    }
}
