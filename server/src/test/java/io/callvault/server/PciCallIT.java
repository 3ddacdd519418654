package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.SegmentKind;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Card data never reaches a recording, end to end with real baresip phones: the caller speaks, keys a test
 * card number and a security code in-band (tones in the audio), speaks again, then keys the card number and
 * a security code as RFC 4733 events. From the decrypted recording an independent decoder (multimon-ng) finds no digit, both
 * sentences are intact, and the paused and masked segments are listed; with masking toward the agent on,
 * the audio the callee's phone received carries no decodable digit either.
 */
class PciCallIT {
    private static final String CARD = "4111111111111111";
    private static final String CODE = "737";

    @TempDir
    Path dir;

    @Test
    void cardNumberInBandAndAsEvents_noDigitInTheRecording_speechIntact_segmentsListed() throws Exception {
        Path audio = Harness.audio();
        // Alice's audio: caller_speech, the card number as 100 ms tones, 3 s later the security code, 1 s later
        // caller_speech2 — what an independent decoder finds in it is the card number and the code
        Path spoken = aliceAudio(audio);
        assertThat(Harness.run(List.of("bash", Harness.dir().resolve("decode_dtmf.sh").toString(), spoken.toString()),
                60).strip()).isEqualTo(CARD + CODE);
        Path bobHeard;
        try (LiveServer server = LiveServer.start(dir, "pci.mask_toward_agent = always")) {
            Path aliceSource = dir.resolve("alice-src.wav");
            Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(),
                    spoken.toString(), aliceSource.toString(), "60", "1"), 30);
            Path bobSource = dir.resolve("bob-src.wav");
            Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(),
                    audio.resolve("callee_speech.wav").toString(), bobSource.toString(), "60", "1"), 30);
            try (BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562, bobSource,
                    server.account("202", LiveServer.PASSWORD_B, "auto"));
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564, aliceSource,
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(bob, 20);
                LiveServer.awaitRegistered(alice, 20);
                bob.script("wait:CALL_ESTABLISHED:40", "wait:CALL_CLOSED:100");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30", "hold_until:27",
                        "dtmf:" + CARD + ":150", "sleep:4", "dtmf:123:150", "hold_until:52", "hangup",
                        "wait:CALL_CLOSED:15");
                alice.awaitScript(100);
                bob.awaitScript(30);
                bobHeard = bob.receivedAudio().orElseThrow();
            }
        }
        RecordingRow row;
        List<Segment> segments;
        Path wav = dir.resolve("recording.wav");
        try (Vault vault = Services.openVault(ServerConfig.load(dir.resolve("callvault.properties"), Map.of()),
                Map.of())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> vault.catalog().search(RecordingQuery.all()).stream()
                    .anyMatch(r -> r.state() == RecordingState.SEALED));
            row = vault.catalog().search(RecordingQuery.all()).getFirst();
            segments = vault.catalog().segments(row.id());
            try (RecordingReader r = vault.open(row.id()); OutputStream out = Files.newOutputStream(wav)) {
                r.writeWav(out);
            }
        }
        Path left = Harness.channel(wav, 1, dir.resolve("left.wav"));
        Path right = Harness.channel(wav, 2, dir.resolve("right.wav"));
        String decoder = Harness.dir().resolve("decode_dtmf.sh").toString();
        assertThat(Harness.run(List.of("bash", decoder, left.toString()), 60).strip()).as("digits in the recording")
                .isEmpty();
        // multimon-ng hears a false "A" in the harness's callee sentence itself (talk-off), so for the callee's
        // channel and the mix the check is: no card digit, and nothing the callee's own audio does not give
        String calleeOwn = Harness.run(List.of("bash", decoder, audio.resolve("callee_speech.wav").toString()), 60)
                .strip();
        assertThat(Harness.run(List.of("bash", decoder, right.toString()), 60).strip())
                .doesNotContainPattern("[0-9*#]").matches("[" + calleeOwn + "]*");
        assertThat(Harness.run(List.of("bash", decoder, wav.toString()), 60).strip())
                .doesNotContainPattern("[0-9*#]");
        // the agent (Bob) heard Alice speak but cannot decode a single key she pressed
        assertThat(Harness.run(List.of("bash", decoder, bobHeard.toString()), 60).strip()).as("digits Bob heard")
                .isEmpty();
        Harness.assertContains(audio.resolve("caller_speech.wav"), bobHeard, 3);
        Harness.assertContains(audio.resolve("caller_speech.wav"), left, 3);
        Harness.assertContains(audio.resolve("caller_speech2.wav"), left, 22);
        Harness.assertContains(audio.resolve("callee_speech.wav"), right, 3);

        assertThat(segments).filteredOn(s -> s.kind() == SegmentKind.MASKED).isNotEmpty()
                .allSatisfy(s -> assertThat(s.reason()).doesNotContain(CARD));
        List<Segment> paused = segments.stream().filter(s -> s.kind() == SegmentKind.PAUSED).toList();
        assertThat(paused).as("in-band card number, then the one sent as events").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(s -> assertThat(s.reason()).startsWith("card-number"));
        // the in-band card number starts about 8.3 s into the call's audio; the pause starts at its first digit
        assertThat(paused.getFirst().startMillis()).isBetween(6_000L, 10_000L);
        assertThat(row.durationMillis()).isBetween(46_000L, 56_000L);
    }

    /** caller_speech, 0.5 s, the card number, 3 s, the code, then caller_speech2 after 1 s of silence. */
    private Path aliceAudio(Path audio) throws Exception {
        Path gen = Harness.dir().resolve("gen_dtmf.sh");
        Path card = dir.resolve("card.wav");
        Path code = dir.resolve("code.wav");
        Path second = dir.resolve("speech2.wav");
        Harness.run(List.of("bash", gen.toString(), CARD, card.toString(), "100", "100", "500"), 30);
        Harness.run(List.of("bash", gen.toString(), CODE, code.toString(), "100", "100", "3000"), 30);
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(),
                audio.resolve("caller_speech2.wav").toString(), second.toString(), "5", "1"), 30);
        Path out = dir.resolve("alice-spoken.wav");
        Harness.run(List.of("sox", audio.resolve("caller_speech.wav").toString(), card.toString(), code.toString(),
                second.toString(), out.toString()), 30);
        return out;
    }
}
