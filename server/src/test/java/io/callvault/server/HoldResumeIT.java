package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caller puts the call on hold and resumes it (re-INVITEs with a=sendonly, then a=sendrecv, passed
 * through callvault to the other leg with the SDP re-anchored); the call goes on and is recorded whole.
 */
class HoldResumeIT {
    @TempDir
    Path dir;

    @Test
    void holdAndResume_reInvitesCrossCallvault_andTheCallIsRecordedWhole() throws Exception {
        try (LiveServer server = LiveServer.start(dir)) {
            Path audio = Harness.audio();
            try (BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562,
                    server.pad(audio.resolve("callee_speech.wav"), "b_src.wav", 14),
                    server.account("202", LiveServer.PASSWORD_B, "auto"));
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                         server.pad(audio.resolve("caller_speech.wav"), "a_src.wav", 14),
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(bob, 20);
                LiveServer.awaitRegistered(alice, 20);
                bob.script("wait:CALL_ESTABLISHED:30", "wait:CALL_CLOSED:60");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30", "sleep:3", "cmd:hold",
                        "sleep:3", "cmd:resume", "hold_until:12", "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                bob.awaitScript(30);
                // both re-INVITEs (hold, resume) reached the other phone through callvault
                assertThat(bob.log().split("got re-INVITE", -1)).hasSize(3);
            }
            server.awaitLog("sealed", 30);
        }
        try (Vault vault = Services.openVault(ServerConfig.load(dir.resolve("callvault.properties"), Map.of()),
                Map.of())) {
            List<RecordingRow> rows = vault.catalog().search(RecordingQuery.all());
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst().state()).isEqualTo(RecordingState.SEALED);
            assertThat(rows.getFirst().durationMillis()).isBetween(11_000L, 14_000L);
        }
    }
}
