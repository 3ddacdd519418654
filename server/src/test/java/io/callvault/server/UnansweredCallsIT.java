package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.CallRecord;
import io.callvault.vault.spi.RecordingQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls that are never answered, with real baresip phones: the caller gives up (CANCEL travels through
 * callvault to the ringing callee), or nobody answers within the ring timeout (callvault cancels the callee
 * and tells the caller 480). Either way: a call record with the right disposition and no recording.
 */
class UnansweredCallsIT {
    @TempDir
    Path dir;

    @Test
    void callerHangsUpWhileRinging_cancelReachesTheCallee_recordSaysCancelled() throws Exception {
        try (LiveServer server = LiveServer.start(dir)) {
            try (Phones phones = Phones.start(server)) {
                phones.bob.script("wait:CALL_INCOMING:30", "wait:CALL_CLOSED:30");
                phones.alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_RINGING:20", "sleep:3", "hangup",
                        "wait:CALL_CLOSED:15");
                phones.alice.awaitScript(45);
                phones.bob.awaitScript(30); // bob's phone stopped ringing: the CANCEL reached it
            }
            server.awaitLog("cancelled", 15);
        }
        assertOnlyRecord("cancelled", 487);
    }

    @Test
    void nobodyAnswers_callvaultGivesUpAfterTheRingTimeout_recordSaysNoAnswer() throws Exception {
        try (LiveServer server = LiveServer.start(dir, "sip.ring_timeout_seconds = 5")) {
            try (Phones phones = Phones.start(server)) {
                phones.bob.script("wait:CALL_INCOMING:30", "wait:CALL_CLOSED:30");
                phones.alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_CLOSED:20");
                phones.alice.awaitScript(30);
                phones.bob.awaitScript(30);
                assertThat(phones.alice.log()).contains("480");
            }
            server.awaitLog("no-answer", 15);
        }
        assertOnlyRecord("no-answer", 480);
    }

    private void assertOnlyRecord(String disposition, int status) throws Exception {
        try (Vault vault = Services.openVault(ServerConfig.load(dir.resolve("callvault.properties"), Map.of()),
                Map.of())) {
            assertThat(vault.catalog().search(RecordingQuery.all())).isEmpty();
            List<CallRecord> calls = Services.callLog(vault).recent(0, 10);
            assertThat(calls).hasSize(1);
            assertThat(calls.getFirst().disposition()).isEqualTo(disposition);
            assertThat(calls.getFirst().finalStatus()).isEqualTo(status);
            assertThat(calls.getFirst().answeredAt()).isEmpty();
            assertThat(calls.getFirst().recordingId()).isEmpty();
        }
    }

    /** Alice (201, dials) and Bob (202, answers by hand, i.e. never): both registered. */
    private record Phones(BaresipPhone alice, BaresipPhone bob) implements AutoCloseable {
        static Phones start(LiveServer server) throws Exception {
            Path audio = Harness.audio();
            BaresipPhone bob = BaresipPhone.start(server.dir, "bob", 5262, 4562,
                    server.pad(audio.resolve("callee_speech.wav"), "b_src.wav", 20),
                    server.account("202", LiveServer.PASSWORD_B, "manual"));
            BaresipPhone alice = BaresipPhone.start(server.dir, "alice", 5264, 4564,
                    server.pad(audio.resolve("caller_speech.wav"), "a_src.wav", 20),
                    server.account("201", LiveServer.PASSWORD_A, "manual"));
            LiveServer.awaitRegistered(bob, 20);
            LiveServer.awaitRegistered(alice, 20);
            return new Phones(alice, bob);
        }

        @Override
        public void close() throws Exception {
            try (bob; alice) {
                // both phones stopped
            }
        }
    }
}
