package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.Direction;
import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.server.peers.Sipp;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.Trunk;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls to and from the outside through a trunk (SIPp standing in for the provider), with a real baresip
 * extension on our side. Trunks are added while the server runs: they apply without a restart.
 */
class TrunkCallIT {
    private static final int CALL_SECONDS = 10;

    @TempDir
    Path dir;

    @Test
    void extensionDialsANationalNumber_goesOutAsE164ThroughTheTrunk_andIsRecorded() throws Exception {
        Path audio = ulaw();
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            int trunkPort = Sipp.freeUdpPorts(1);
            addTrunk(server, new Trunk("carrier", "127.0.0.1", trunkPort, "udp", "US", Optional.empty(),
                    Optional.empty(), Map.of(), Instant.now()));
            try (Sipp provider = Sipp.start(dir, "provider", Sipp.harnessScenario("uas_play.xml"), 60, "-p",
                    String.valueOf(trunkPort), "-mp", String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1")
                    .awaitBound(trunkPort);
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                         server.pad(audio.resolve("caller_speech.wav"), "a_src.wav", CALL_SECONDS),
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(alice, 20);
                // a US national number, as a user in California would dial it
                alice.script("dial:sip:4155550123@" + server.proxy(), "wait:CALL_ESTABLISHED:30",
                        "hold_until:" + CALL_SECONDS, "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                assertThat(provider.awaitExit(20)).as(provider.report()).isZero();
                assertThat(Files.readString(dir.resolve("sipp-provider-messages.log"), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .contains("INVITE sip:+14155550123@127.0.0.1:" + trunkPort);
            }
            server.awaitLog("sealed", 30);
        }
        RecordingRow row = onlyRecording();
        assertThat(row.caller().number().e164()).isEqualTo("201");
        assertThat(row.callee().number().e164()).isEqualTo("+14155550123");
        assertThat(row.direction()).isEqualTo(Direction.OUT);
        assertChannel(row, 1, audio.resolve("caller_speech.wav"));
        assertChannel(row, 2, audio.resolve("callee_speech.wav"));
    }

    @Test
    void earlyMediaFromTheProvider_reachesTheCallerBeforeTheAnswer_andIsNotRecorded() throws Exception {
        Path audio = ulaw();
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            int trunkPort = Sipp.freeUdpPorts(1);
            addTrunk(server, new Trunk("carrier", "127.0.0.1", trunkPort, "udp", "US", Optional.empty(),
                    Optional.empty(), Map.of(), Instant.now()));
            try (Sipp provider = Sipp.start(dir, "provider", Sipp.scenario("uas_early_media.xml"), 60, "-p",
                    String.valueOf(trunkPort), "-mp", String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1")
                    .awaitBound(trunkPort);
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                         server.pad(audio.resolve("caller_speech.wav"), "a_src.wav", CALL_SECONDS),
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(alice, 20);
                alice.script("dial:sip:4155550123@" + server.proxy(), "wait:CALL_ESTABLISHED:30",
                        "hold_until:" + CALL_SECONDS, "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                assertThat(provider.awaitExit(20)).as(provider.report()).isZero();
                // the 183 reached the phone with SDP pointing at callvault's relay, before the 200
                assertThat(alice.log()).contains("183 Session Progress (application/sdp)");
                Path heard = alice.receivedAudio().orElseThrow();
                Harness.assertContains(audio.resolve("callee_speech.wav"), heard, 3);
            }
            server.awaitLog("sealed", 30);
        }
        RecordingRow row = onlyRecording();
        // recording starts at the answer, 2.5 s after the early media began
        assertThat(row.durationMillis()).isBetween((CALL_SECONDS - 1) * 1000L, (CALL_SECONDS + 1) * 1000L);
    }

    @Test
    void trunkThatChallenges_getsTheStoredCredentials_andTheCallIsRecorded() throws Exception {
        Path audio = ulaw();
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            try (Sipp provider = challengingTrunk(server);
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                         server.pad(audio.resolve("caller_speech.wav"), "a_src.wav", CALL_SECONDS),
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(alice, 20);
                alice.script("dial:sip:4155550123@" + server.proxy(), "wait:CALL_ESTABLISHED:30",
                        "hold_until:" + CALL_SECONDS, "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                assertThat(provider.awaitExit(20)).as(provider.report()).isZero();
                assertChallengeAnswered();
            }
            server.awaitLog("sealed", 30);
        }
        RecordingRow row = onlyRecording();
        assertThat(row.callee().number().e164()).isEqualTo("+14155550123");
        assertChannel(row, 2, audio.resolve("callee_speech.wav"));
    }

    @Test
    void transferToAnOutsideNumber_goesOutThroughTheTrunkWithItsCredentials() throws Exception {
        Path audio = ulaw();
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            try (Sipp provider = challengingTrunk(server);
                 BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562,
                         server.pad(audio.resolve("callee_speech.wav"), "b_src.wav", 2 * CALL_SECONDS),
                         server.account("202", LiveServer.PASSWORD_B, "auto"));
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                         server.pad(audio.resolve("caller_speech.wav"), "a_src.wav", 2 * CALL_SECONDS),
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(bob, 20);
                LiveServer.awaitRegistered(alice, 20);
                // Bob passes Alice on to an outside number
                bob.script("wait:CALL_ESTABLISHED:30", "sleep:3", "cmd:transfer sip:4155550123@" + server.proxy(),
                        "wait:CALL_CLOSED:30");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30",
                        "hold_until:" + (CALL_SECONDS + 5), "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                bob.awaitScript(30);
                assertThat(provider.awaitExit(20)).as(provider.report()).isZero(); // answered, then Alice's BYE
                assertChallengeAnswered();
                assertThat(Files.readString(dir.resolve("sipp-provider-messages.log"),
                        java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Referred-By:");
            }
            server.awaitLog("sealed", 30);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                try (var catalog = Services.openCatalogOnly(server.cfg)) {
                    var decisions = catalog.decisions().recent(0, 10);
                    assertThat(decisions).hasSize(2);
                    var second = decisions.stream().filter(d -> d.callId().endsWith(";transfer=1")).findFirst()
                            .orElseThrow();
                    assertThat(second.decisionJson()).contains("+14155550123");
                    assertThat(second.outcome()).isEqualTo("recorded");
                }
            });
        }
    }

    @Test
    void callFromTheTrunkToADid_ringsTheExtension_withoutAChallenge_andIsRecorded() throws Exception {
        Path audio = ulaw();
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            int trunkPort = Sipp.freeUdpPorts(1);
            addTrunk(server, new Trunk("inbound", "127.0.0.1", trunkPort, "udp", "US", Optional.empty(),
                    Optional.empty(), Map.of("+14155550201", "201"), Instant.now()));
            try (BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                    server.pad(audio.resolve("callee_speech.wav"), "a_src.wav", CALL_SECONDS),
                    server.account("201", LiveServer.PASSWORD_A, "auto"))) {
                LiveServer.awaitRegistered(alice, 20);
                alice.script("wait:CALL_ESTABLISHED:30", "wait:CALL_CLOSED:60");
                try (Sipp provider = Sipp.start(dir, "provider", Sipp.harnessScenario("uac_media.xml"), 60,
                        server.proxy(), "-key", "to_uri", "sip:4155550201@" + server.proxy(), "-p",
                        String.valueOf(trunkPort), "-mp", String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1", "-d",
                        String.valueOf(CALL_SECONDS * 1000), "-recv_timeout", "20000")) {
                    assertThat(provider.awaitExit(45)).as(provider.report()).isZero();
                }
                alice.awaitScript(30);
            }
            server.awaitLog("sealed", 30);
        }
        RecordingRow row = onlyRecording();
        assertThat(row.callee().number().e164()).isEqualTo("201");
        assertThat(row.direction()).isEqualTo(Direction.IN);
        assertChannel(row, 1, audio.resolve("caller_speech.wav"));
        assertChannel(row, 2, audio.resolve("callee_speech.wav"));
    }

    @Test
    void updateInTheDialog_isPassedToTheOtherLeg_andItsAnswerComesBack() throws Exception {
        Path audio = ulaw();
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            int trunkPort = Sipp.freeUdpPorts(1);
            addTrunk(server, new Trunk("inbound", "127.0.0.1", trunkPort, "udp", "US", Optional.empty(),
                    Optional.empty(), Map.of("+14155550201", "201"), Instant.now()));
            try (BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                    server.pad(audio.resolve("callee_speech.wav"), "a_src.wav", CALL_SECONDS),
                    server.account("201", LiveServer.PASSWORD_A, "auto"))) {
                LiveServer.awaitRegistered(alice, 20);
                alice.script("wait:CALL_ESTABLISHED:30", "wait:CALL_CLOSED:60");
                try (Sipp provider = Sipp.start(dir, "provider", Sipp.scenario("uac_update.xml"), 60,
                        server.proxy(), "-key", "to_uri", "sip:4155550201@" + server.proxy(), "-p",
                        String.valueOf(trunkPort), "-mp", String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1", "-d",
                        "4000", "-recv_timeout", "20000")) {
                    assertThat(provider.awaitExit(45)).as(provider.report()).isZero();
                    // the phone's own answer to the UPDATE (it does not implement UPDATE) came back
                    assertThat(provider.logs()).containsPattern("UPDATE answered (200|405|501)");
                }
                alice.awaitScript(30);
            }
        }
    }

    @Test
    void sipInfoDtmfFromTheCaller_isRelayedToTheExtension() throws Exception {
        Path audio = ulaw();
        Path scenario = dir.resolve("uac_info.xml");
        Files.writeString(scenario, Harness.run(List.of("bash", Harness.dir().resolve("sipp/mk_uac_info_dtmf.sh")
                .toString(), "4111"), 30));
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir))) {
            int trunkPort = Sipp.freeUdpPorts(1);
            addTrunk(server, new Trunk("inbound", "127.0.0.1", trunkPort, "udp", "US", Optional.empty(),
                    Optional.empty(), Map.of("+14155550201", "201"), Instant.now()));
            try (BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564,
                    server.pad(audio.resolve("callee_speech.wav"), "a_src.wav", CALL_SECONDS),
                    server.account("201", LiveServer.PASSWORD_A, "auto"))) {
                LiveServer.awaitRegistered(alice, 20);
                alice.script("wait:CALL_ESTABLISHED:30", "expect_dtmf:4111:20", "wait:CALL_CLOSED:60");
                try (Sipp provider = Sipp.start(dir, "provider", scenario, 60, server.proxy(), "-key", "to_uri",
                        "sip:4155550201@" + server.proxy(), "-p", String.valueOf(trunkPort), "-mp",
                        String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1", "-d", "6000", "-recv_timeout", "20000")) {
                    assertThat(provider.awaitExit(45)).as(provider.report()).isZero();
                }
                alice.awaitScript(30); // the four INFO digits arrived at the phone as DTMF events
            }
        }
    }

    /** The harness audio, plus the raw µ-law files SIPp streams (looked up in its working directory). */
    private Path ulaw() throws Exception {
        Path audio = Harness.audio();
        for (String name : List.of("caller", "callee")) {
            Harness.run(List.of("sox", "-D", audio.resolve(name + "_speech.wav").toString(), "-t", "ul",
                    dir.resolve(name + ".ul").toString()), 30);
        }
        return audio;
    }

    /**
     * The trunk "carrier", played by SIPp on a free port: it challenges every INVITE and answers the one that
     * carries its credentials (acct42 / trunk-secret-42, stored wrapped by the vault's key, as the CLI does).
     */
    private Sipp challengingTrunk(LiveServer server) throws Exception {
        int trunkPort = Sipp.freeUdpPorts(1);
        try (Vault vault = Services.openVault(server.cfg, Map.of())) {
            var password = vault.keys().wrap("trunk-secret-42".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    io.callvault.server.sip.TrunkSecrets.associatedData("carrier"));
            Services.directory(vault).putTrunk(new Trunk("carrier", "127.0.0.1", trunkPort, "udp", "US",
                    Optional.of("acct42"), Optional.of(password), Map.of(), Instant.now()));
        }
        return Sipp.start(dir, "provider", Sipp.scenario("uas_challenge.xml"), 60, "-p", String.valueOf(trunkPort),
                "-mp", String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1").awaitBound(trunkPort);
    }

    /** The trunk saw our digest answer with its user name, and never the password itself. */
    private void assertChallengeAnswered() throws Exception {
        String seen = Files.readString(dir.resolve("sipp-provider-messages.log"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(seen).contains("Authorization: Digest").contains("username=\"acct42\"")
                .doesNotContain("trunk-secret-42");
    }

    private static void addTrunk(LiveServer server, Trunk trunk) throws Exception {
        try (var catalog = Services.openCatalogOnly(server.cfg)) {
            catalog.directory().putTrunk(trunk);
        }
    }

    private RecordingRow onlyRecording() throws Exception {
        try (Vault vault = Services.openVault(config(), Map.of())) {
            List<RecordingRow> rows = vault.catalog().search(RecordingQuery.all());
            assertThat(rows).hasSize(1);
            return rows.getFirst();
        }
    }

    private void assertChannel(RecordingRow row, int channel, Path reference) throws Exception {
        Path wav = dir.resolve("recording.wav");
        if (!Files.exists(wav)) {
            try (Vault vault = Services.openVault(config(), Map.of()); RecordingReader r = vault.open(row.id());
                 OutputStream out = Files.newOutputStream(wav)) {
                r.writeWav(out);
            }
        }
        Harness.assertContains(reference, Harness.channel(wav, channel, dir.resolve("ch" + channel + ".wav")), 3);
    }

    private ServerConfig config() throws Exception {
        return ServerConfig.load(dir.resolve("callvault.properties"), Map.of());
    }
}
