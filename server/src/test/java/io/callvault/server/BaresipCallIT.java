package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.directory.DigestCredentials;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.Extension;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real baresip softphones register with callvault (digest auth) and call each other through it; each
 * speaks different test audio. The decrypted recording must carry the caller's speech on the left and
 * the callee's on the right, and last as long as the call.
 */
class BaresipCallIT {
    private static final String PASSWORD_A = "alice-secret-201";
    private static final String PASSWORD_B = "bob-secret-202";
    private static final int CALL_SECONDS = 12;

    @TempDir
    Path dir;

    @Test
    void twoBaresipPhones_callThroughCallvault_andTheRecordingHasEachPartyOnItsChannel() throws Exception {
        int sipPort = ServeIT.freePort();
        Path config = dir.resolve("callvault.properties");
        Files.writeString(config, String.join("\n", "data_dir = " + dir.resolve("data"),
                "http.port = " + ServeIT.freePort(), "sip.port = " + sipPort,
                "media.port_min = 31000", "media.port_max = 31199", ""));
        ServerConfig cfg = ServerConfig.load(config, Map.of());
        try (var catalog = Services.openCatalogOnly(cfg)) {
            catalog.directory().putExtension(extension("201", "Alice", PASSWORD_A, cfg));
            catalog.directory().putExtension(extension("202", "Bob", PASSWORD_B, cfg));
        }
        Path audio = Harness.audio();
        Path sourceA = pad(audio.resolve("caller_speech.wav"), "a_src.wav");
        Path sourceB = pad(audio.resolve("callee_speech.wav"), "b_src.wav");

        try (ServerProcess server = ServerProcess.start(Map.of(), Main.class.getName(), "serve", "--config",
                config.toString())) {
            awaitLog(server, "SIP on", 60);
            String proxy = "127.0.0.1:" + sipPort;
            try (BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562, sourceB, account("202", PASSWORD_B, proxy,
                    "auto"));
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564, sourceA, account("201", PASSWORD_A,
                         proxy, "manual"))) {
                bob.script("wait:CALL_ESTABLISHED:40", "wait:CALL_CLOSED:60");
                // registration happens at start-up, before a controller can see the event: read the log
                awaitRegistered(bob, 20);
                awaitRegistered(alice, 20);
                alice.script("dial:sip:202@" + proxy, "wait:CALL_ESTABLISHED:30",
                        "hold_until:" + CALL_SECONDS, "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                bob.awaitScript(30);
                Path bobHeard = bob.receivedAudio().orElseThrow();
                Harness.assertContains(audio.resolve("caller_speech.wav"), bobHeard, 3);
            }
            awaitLog(server, "sealed", 30);
        }

        try (Vault vault = Services.openVault(cfg, Map.of())) {
            List<RecordingRow> rows = vault.catalog().search(RecordingQuery.all());
            assertThat(rows).hasSize(1);
            RecordingRow row = rows.getFirst();
            assertThat(row.state()).isEqualTo(RecordingState.SEALED);
            assertThat(row.caller().number().e164()).isEqualTo("201");
            assertThat(row.callee().number().e164()).isEqualTo("202");
            assertThat(row.durationMillis()).isBetween((CALL_SECONDS - 1) * 1000L, (CALL_SECONDS + 2) * 1000L);
            Path wav = dir.resolve("recording.wav");
            try (RecordingReader r = vault.open(row.id()); OutputStream out = Files.newOutputStream(wav)) {
                r.writeWav(out);
            }
            Path left = Harness.channel(wav, 1, dir.resolve("left.wav"));
            Path right = Harness.channel(wav, 2, dir.resolve("right.wav"));
            Harness.assertContains(audio.resolve("caller_speech.wav"), left, 3);
            Harness.assertContains(audio.resolve("callee_speech.wav"), right, 3);
        }
    }

    private static Extension extension(String number, String name, String password, ServerConfig cfg) {
        String realm = cfg.sip().realm();
        return new Extension(number, name, realm, DigestCredentials.ha1("MD5", number, realm, password),
                DigestCredentials.ha1("SHA-256", number, realm, password), "US-CA", Set.of(), Instant.now());
    }

    private static String account(String user, String password, String proxy, String answerMode) {
        return "<sip:" + user + "@" + proxy + ">;auth_pass=" + password
                + ";regint=600;answermode=" + answerMode + ";audio_codecs=PCMU,PCMA";
    }

    private Path pad(Path source, String name) throws Exception {
        Path out = dir.resolve(name);
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(), source.toString(), out.toString(),
                String.valueOf(CALL_SECONDS + 30), "1"), 30);
        return out;
    }

    private static void awaitLog(ServerProcess p, String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (p.output().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not log '" + text + "' within " + seconds + " s:\n" + p.output());
    }

    private static void awaitRegistered(BaresipPhone phone, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (phone.log().contains("200 OK") && phone.log().contains("binding")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("phone did not register within " + seconds + " s:\n" + phone.log());
    }
}
