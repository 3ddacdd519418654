package io.callvault.server;

import static io.callvault.server.ConsentAssertions.announceToEveryone;
import static io.callvault.server.ConsentAssertions.assertNoMatch;
import static io.callvault.server.ConsentAssertions.builtInPrompt;
import static io.callvault.server.ConsentAssertions.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.decision.DecisionRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent end to end with real baresip phones: the announcement is played into the call by callvault,
 * recording starts only once it has been heard in full, and the opt-out key leaves the call unrecorded
 * with a decision record that says why. Both extensions are in California (all-party consent); the rule
 * override announces to the business's own side too, so this internal call hears the prompt.
 */
class ConsentCallIT {
    /** The built-in prompt lasts 7.67 s; the phones start speaking after it. */
    private static final int SPEECH_LEAD_SECONDS = 9;

    @TempDir
    Path dir;

    @Test
    void calleeHearsTheAnnouncement_andRecordingBeginsWhenItEnds() throws Exception {
        Path prompt = builtInPrompt(dir);
        try (LiveServer server = LiveServer.start(dir, announceToEveryone(dir))) {
            Path audio = Harness.audio();
            try (BaresipPhone bob = phone(server, "bob", 5262, 4562, "callee_speech.wav", "202",
                    LiveServer.PASSWORD_B, "auto");
                 BaresipPhone alice = phone(server, "alice", 5264, 4564, "caller_speech.wav", "201",
                         LiveServer.PASSWORD_A, "manual")) {
                bob.script("wait:CALL_ESTABLISHED:40", "wait:CALL_CLOSED:60");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30", "hold_until:22", "hangup",
                        "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                bob.awaitScript(30);
                Path heard = bob.receivedAudio().orElseThrow();
                Harness.assertContains(prompt, heard, 2);                          // the prompt, right at the answer
                Harness.assertContains(audio.resolve("caller_speech.wav"), heard, SPEECH_LEAD_SECONDS + 3);
            }
            DecisionRecord decision = finalDecision(server);
            assertThat(decision.outcome()).isEqualTo("recorded");
            assertThat(decision.recorded()).isTrue();
            assertThat(decision.decisionJson()).contains("ALL_PARTY_CONSENT").contains("US-CA");
            assertThat(decision.evidenceJson()).contains("\"completed\":true").contains("\"callee\"")
                    .contains("builtin:recording-notice-en");
            Instant promptEnded = Instant.parse(field(decision.evidenceJson(), "endedAt"));
            Instant promptStarted = Instant.parse(field(decision.evidenceJson(), "startedAt"));
            assertThat(Duration.between(promptStarted, promptEnded)).isBetween(Duration.ofMillis(7000),
                    Duration.ofMillis(9000));

            Path wav = dir.resolve("recording.wav");
            RecordingRow row;
            try (Vault vault = Services.openVault(ServerConfig.load(server.config, Map.of()), Map.of())) {
                row = vault.find(decision.recordingId());
                try (RecordingReader r = vault.open(row.id()); OutputStream out = Files.newOutputStream(wav)) {
                    r.writeWav(out);
                }
            }
            // recording begins when the prompt has ended, not at the answer
            assertThat(row.startedAt()).isAfterOrEqualTo(promptEnded.minusMillis(100));
            assertThat(row.durationMillis()).isBetween(11_000L, 16_000L);
            Path left = Harness.channel(wav, 1, dir.resolve("left.wav"));
            Path right = Harness.channel(wav, 2, dir.resolve("right.wav"));
            Harness.assertContains(audio.resolve("caller_speech.wav"), left, 4);
            Harness.assertContains(audio.resolve("callee_speech.wav"), right, 4);
            assertNoMatch(prompt, left, 30);
            assertNoMatch(prompt, right, 30);
        }
    }

    @Test
    void optOutKeyDuringTheAnnouncement_leavesNoAudioAndADecisionThatSaysSo() throws Exception {
        try (LiveServer server = LiveServer.start(dir, announceToEveryone(dir))) {
            try (BaresipPhone bob = phone(server, "bob", 5262, 4562, "callee_speech.wav", "202",
                    LiveServer.PASSWORD_B, "auto");
                 BaresipPhone alice = phone(server, "alice", 5264, 4564, "caller_speech.wav", "201",
                         LiveServer.PASSWORD_A, "manual")) {
                bob.script("wait:CALL_ESTABLISHED:40", "sleep:3", "dtmf:9", "wait:CALL_CLOSED:60");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30", "hold_until:16", "hangup",
                        "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                bob.awaitScript(30);
                // the call went on: after the declined announcement Bob still hears Alice
                Harness.assertContains(Harness.audio().resolve("caller_speech.wav"), bob.receivedAudio().orElseThrow(),
                        SPEECH_LEAD_SECONDS + 3);
            }
            DecisionRecord decision = finalDecision(server);
            assertThat(decision.outcome()).isEqualTo("opted_out");
            assertThat(decision.recorded()).isFalse();
            assertThat(decision.recordingId()).isNull();
            assertThat(decision.evidenceJson()).contains("\"optOutBy\":\"callee\"").contains("\"completed\":false");
            try (Vault vault = Services.openVault(ServerConfig.load(server.config, Map.of()), Map.of())) {
                assertThat(vault.catalog().search(RecordingQuery.all())).isEmpty();
            }
            try (var blobs = Files.walk(dir.resolve("data").resolve("blobs"))) {
                assertThat(blobs.filter(Files::isRegularFile).toList()).as("no audio stored").isEmpty();
            }
        }
    }

    @Test
    void inboundCall_callerHearsTheAnnouncementBeforeTheCalleeIsRung() throws Exception {
        Path prompt = builtInPrompt(dir);
        try (LiveServer server = LiveServer.start(dir)) {
            Path audio = Harness.audio();
            int carolPort = 5266;
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                catalog.directory().putTrunk(new io.callvault.vault.spi.Trunk("carrier", "127.0.0.1", carolPort, "udp",
                        "US", java.util.Optional.empty(), java.util.Optional.empty(), Map.of("+14155550201", "201"),
                        Instant.now()));
            }
            // Carol calls from outside, through the carrier trunk (no registration: the trunk is trusted by address)
            Path carolSource = padded("carol", "caller_speech.wav");
            try (BaresipPhone alice = phone(server, "alice", 5264, 4564, "callee_speech.wav", "201",
                    LiveServer.PASSWORD_A, "auto");
                 BaresipPhone carol = BaresipPhone.start(dir, "carol", carolPort, 4566, carolSource,
                         "<sip:+14155550999@" + server.proxy() + ">;regint=0;audio_codecs=PCMU,PCMA")) {
                alice.script("wait:CALL_ESTABLISHED:40", "wait:CALL_CLOSED:60");
                carol.script("dial:sip:+14155550201@" + server.proxy(), "wait:CALL_ESTABLISHED:40", "hold_until:22",
                        "hangup", "wait:CALL_CLOSED:15");
                carol.awaitScript(80);
                alice.awaitScript(30);
                // the first stream Carol received is the early media, before anyone answered
                Harness.assertContains(prompt, carol.receivedAudioFiles().getFirst(), 2);
                Path aliceHeard = alice.receivedAudio().orElseThrow();
                Harness.assertContains(audio.resolve("caller_speech.wav"), aliceHeard, SPEECH_LEAD_SECONDS + 3);
                assertNoMatch(prompt, aliceHeard, 30); // the agent is not announced to
            }
            DecisionRecord decision = finalDecision(server);
            assertThat(decision.outcome()).isEqualTo("recorded");
            assertThat(decision.evidenceJson()).contains("\"legs\":[\"caller\"]").contains("\"completed\":true");
            Instant promptEnded = Instant.parse(field(decision.evidenceJson(), "endedAt"));
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                var call = catalog.callLog().recent(0, 10).getFirst();
                assertThat(call.direction()).isEqualTo(io.callvault.core.Direction.IN);
                // the callee was rung only after the prompt: the answer comes after it ended
                assertThat(call.answeredAt().orElseThrow()).isAfterOrEqualTo(promptEnded);
                assertThat(Duration.between(call.startedAt(), call.answeredAt().orElseThrow()))
                        .isGreaterThan(Duration.ofMillis(7000));
                assertThat(catalog.find(decision.recordingId()).orElseThrow().startedAt())
                        .isAfterOrEqualTo(promptEnded.minusMillis(100));
            }
        }
    }

    private Path padded(String name, String speech) throws Exception {
        Path source = dir.resolve(name + "-src.wav");
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(),
                Harness.audio().resolve(speech).toString(), source.toString(), "60", String.valueOf(SPEECH_LEAD_SECONDS)),
                30);
        return source;
    }

    private BaresipPhone phone(LiveServer server, String name, int sipPort, int ctrlPort, String speech, String user,
                               String password, String answer) throws Exception {
        Path source = padded(name, speech);
        BaresipPhone phone = BaresipPhone.start(dir, name, sipPort, ctrlPort, source, server.account(user, password, answer));
        LiveServer.awaitRegistered(phone, 20);
        return phone;
    }

    /** The call's decision record once the call has ended (the server writes it in the background). */
    private static DecisionRecord finalDecision(LiveServer server) throws Exception {
        DecisionRecord[] found = new DecisionRecord[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                List<DecisionRecord> all = catalog.decisions().recent(0, 10);
                if (all.size() == 1 && !all.getFirst().outcome().equals("pending")) {
                    found[0] = all.getFirst();
                    return true;
                }
                return false;
            }
        });
        return found[0];
    }
}
