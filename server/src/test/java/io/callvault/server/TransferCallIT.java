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
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.decision.DecisionRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blind transfer (REFER) with real baresip phones: Alice (201) calls Bob (202), Bob transfers her to Dave
 * (203), or Alice transfers Bob to Dave. The call is split where the transfer happened: the part with Bob is sealed, and a new decision is
 * made for Alice and Dave. Where the rules announce to every party, Dave hears the announcement before his
 * part is recorded and Alice, who heard it already, does not hear it again; where they do not, Dave's part
 * is recorded from the moment he answers.
 */
class TransferCallIT {
    private static final String PASSWORD_D = "dave-secret-203";
    /** Bob transfers this long after his call was established (the first announcement is over by then). */
    private static final int TRANSFER_AFTER = 10;

    @TempDir
    Path dir;

    @Test
    void newPartyHearsTheAnnouncement_andOnlyThenIsRecorded_whenTheRulesAnnounceToEveryone() throws Exception {
        Path prompt = builtInPrompt(dir);
        try (LiveServer server = LiveServer.start(dir, announceToEveryone(dir))) {
            Path audio = Harness.audio();
            Parts parts = transferredCall(server, false, 35, 21);
            Harness.assertContains(prompt, parts.daveHeard(), 2);                   // Dave: the prompt at his answer
            Harness.assertContains(prompt, parts.stayerHeard(), 2);                  // Alice: the prompt at Bob's answer
            assertNoMatch(prompt, trim(parts.stayerHeard(), TRANSFER_AFTER - 1), 60); // ... and never again
            Harness.assertContains(audio.resolve("callee_speech.wav"), trim(parts.stayerHeard(), TRANSFER_AFTER - 1),
                    20); // after the transfer Alice hears Dave

            DecisionRecord first = parts.first();
            DecisionRecord second = parts.second();
            assertThat(first.outcome()).isEqualTo("recorded");
            assertThat(first.evidenceJson()).contains("\"legs\":[\"callee\",\"caller\"]")
                    .contains("\"replaced\":\"callee\"").contains("\"continuedAs\":\"" + second.callId() + "\"");
            assertThat(second.callId()).isEqualTo(first.callId() + ";transfer=1");
            assertThat(second.outcome()).isEqualTo("recorded");
            assertThat(second.decisionJson()).contains("ALL_PARTY_CONSENT");
            assertThat(second.evidenceJson()).contains("\"legs\":[\"callee\"]").contains("\"completed\":true")
                    .contains("\"transferredFrom\":\"" + first.callId() + "\"");
            Instant promptEnded = Instant.parse(field(second.evidenceJson(), "endedAt"));

            Path wav = dir.resolve("part2.wav");
            RecordingRow firstRow;
            RecordingRow secondRow;
            try (Vault vault = Services.openVault(ServerConfig.load(server.config, Map.of()), Map.of())) {
                firstRow = vault.find(first.recordingId());
                secondRow = vault.find(second.recordingId());
                try (RecordingReader r = vault.open(secondRow.id()); OutputStream out = Files.newOutputStream(wav)) {
                    r.writeWav(out);
                }
            }
            assertThat(secondRow.id()).isNotEqualTo(firstRow.id());
            assertThat(firstRow.startedAt().plusMillis(firstRow.durationMillis()))
                    .isBeforeOrEqualTo(secondRow.startedAt());
            // Dave's part is recorded from the end of his announcement, not from his answer
            assertThat(secondRow.startedAt()).isAfterOrEqualTo(promptEnded.minusMillis(100));
            Path left = Harness.channel(wav, 1, dir.resolve("left.wav"));
            Path right = Harness.channel(wav, 2, dir.resolve("right.wav"));
            Harness.assertContains(audio.resolve("caller_speech.wav"), left, 8);   // Alice
            Harness.assertContains(audio.resolve("callee_speech.wav"), right, 8);  // Dave
            assertNoMatch(prompt, right, 60);
        }
    }

    @Test
    void callerTransfers_andTheNewPartyIsNotAnnouncedTo_whenTheRulesDoNotAnnounceOwnSide() throws Exception {
        Path prompt = builtInPrompt(dir);
        try (LiveServer server = LiveServer.start(dir)) {
            Parts parts = transferredCall(server, true, 32, 12);
            assertNoMatch(prompt, parts.daveHeard(), 60);
            // Bob, who stayed, hears Dave (speaking the caller's sentence) after the transfer
            Harness.assertContains(Harness.audio().resolve("caller_speech.wav"), trim(parts.stayerHeard(),
                    TRANSFER_AFTER - 1), 15);
            DecisionRecord first = parts.first();
            DecisionRecord second = parts.second();
            assertThat(first.outcome()).isEqualTo("recorded");
            assertThat(first.evidenceJson()).contains("\"replaced\":\"caller\"");
            assertThat(second.decisionJson()).contains("203");
            assertThat(second.outcome()).isEqualTo("recorded");
            assertThat(second.evidenceJson()).contains("\"announcements\":[]")
                    .contains("\"transferredFrom\":\"" + first.callId() + "\"");
            try (Vault vault = Services.openVault(ServerConfig.load(server.config, Map.of()), Map.of())) {
                RecordingRow secondRow = vault.find(second.recordingId());
                // recorded from the transfer on: within moments of the new decision
                assertThat(Duration.between(second.decidedAt(), secondRow.startedAt()).abs())
                        .isLessThan(Duration.ofSeconds(1));
                assertThat(vault.find(first.recordingId()).startedAt()).isBefore(second.decidedAt());
            }
        }
    }

    /** What a transferred call left behind: the audio the remaining party and Dave received, and the decisions. */
    private record Parts(Path stayerHeard, Path daveHeard, DecisionRecord first, DecisionRecord second) {
    }

    /**
     * Alice calls Bob; {@link #TRANSFER_AFTER} s after answering, Bob (or Alice, if {@code callerTransfers})
     * transfers the other one to Dave; whoever stays hangs up {@code callSeconds} after the answer. The one
     * who stays starts speaking {@code stayerLead} s into the call, Dave 9 s after he answers; the one who
     * transfers stays silent.
     */
    private Parts transferredCall(LiveServer server, boolean callerTransfers, int callSeconds, int stayerLead)
            throws Exception {
        try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
            catalog.directory().putExtension(LiveServer.extension("203", "Dave", PASSWORD_D, server.cfg));
        }
        try (BaresipPhone bob = phone(server, "bob", 5262, 4562, "callee_speech.wav",
                callerTransfers ? stayerLead : 60, "202", LiveServer.PASSWORD_B);
             BaresipPhone dave = phone(server, "dave", 5266, 4566, callerTransfers ? "caller_speech.wav"
                     : "callee_speech.wav", 9, "203", PASSWORD_D);
             BaresipPhone alice = phone(server, "alice", 5264, 4564, "caller_speech.wav",
                     callerTransfers ? 60 : stayerLead, "201", LiveServer.PASSWORD_A)) {
            String[] transfers = {"wait:CALL_ESTABLISHED:40", "sleep:" + TRANSFER_AFTER,
                    "cmd:transfer sip:203@" + server.proxy(), "wait:CALL_CLOSED:30"};
            String[] stays = {"wait:CALL_ESTABLISHED:40", "hold_until:" + callSeconds, "hangup", "wait:CALL_CLOSED:15"};
            dave.script("wait:CALL_ESTABLISHED:60", "wait:CALL_CLOSED:90");
            bob.script(callerTransfers ? stays : transfers);
            List<String> aliceSteps = new java.util.ArrayList<>(List.of("dial:sip:202@" + server.proxy()));
            aliceSteps.addAll(List.of(callerTransfers ? transfers : stays));
            alice.script(aliceSteps.toArray(String[]::new));
            BaresipPhone stayer = callerTransfers ? bob : alice;
            stayer.awaitScript(callSeconds + 40);
            (callerTransfers ? alice : bob).awaitScript(30);
            dave.awaitScript(30);
            List<DecisionRecord> decisions = decisions(server);
            return new Parts(stayer.receivedAudio().orElseThrow(), dave.receivedAudio().orElseThrow(),
                    decisions.get(0), decisions.get(1));
        }
    }

    private BaresipPhone phone(LiveServer server, String name, int sipPort, int ctrlPort, String speech, int lead,
                               String user, String password) throws Exception {
        Path source = dir.resolve(name + "-src.wav");
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(),
                Harness.audio().resolve(speech).toString(), source.toString(), "90", String.valueOf(lead)), 30);
        String answer = name.equals("alice") ? "manual" : "auto";
        BaresipPhone phone = BaresipPhone.start(dir, name, sipPort, ctrlPort, source,
                server.account(user, password, answer));
        LiveServer.awaitRegistered(phone, 20);
        return phone;
    }

    /** Both parts' decision records once the call has ended, the first part first. */
    private static List<DecisionRecord> decisions(LiveServer server) throws Exception {
        List<DecisionRecord> found = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                List<DecisionRecord> all = catalog.decisions().recent(0, 10);
                found.clear();
                found.addAll(all);
                return all.size() == 2 && all.stream().noneMatch(d -> d.outcome().equals("pending"));
            }
        });
        found.sort(Comparator.comparing(DecisionRecord::decidedAt));
        return found;
    }

    private Path trim(Path wav, int fromSecond) throws Exception {
        Path out = dir.resolve(wav.getFileName() + "-from" + fromSecond + ".wav");
        Harness.run(List.of("sox", wav.toString(), out.toString(), "trim", String.valueOf(fromSecond)), 30);
        return out;
    }
}
