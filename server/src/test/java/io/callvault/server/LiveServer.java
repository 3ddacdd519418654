package io.callvault.server;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.directory.DigestCredentials;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.spi.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real `callvault serve` process on embedded defaults in a temp directory, with extensions 201 (Alice)
 * and 202 (Bob), plus the two-softphone call the end-to-end tests place through it.
 */
final class LiveServer implements AutoCloseable {
    static final String PASSWORD_A = "alice-secret-201";
    static final String PASSWORD_B = "bob-secret-202";

    final Path dir;
    final Path config;
    final ServerConfig cfg;
    final int sipPort;
    ServerProcess process;

    private LiveServer(Path dir, Path config, ServerConfig cfg, int sipPort) {
        this.dir = dir;
        this.config = config;
        this.cfg = cfg;
        this.sipPort = sipPort;
    }

    /**
     * A settings line pointing the server at a rule override under {@code dir} in which no call needs an
     * announcement (no all-party states, one-party calls not announced): for tests about routing and media
     * that would otherwise hear the prompt first.
     */
    static String withoutAnnouncements(Path dir) throws java.io.IOException {
        Path rules = dir.resolve("no-announcements.conf");
        Files.writeString(rules, "version = test-no-announcements\n[general]\nannounce_one_party = no\n"
                + "[us]\nall_party_states =\n");
        return "policy.rules_file = " + rules;
    }

    /** @param settings extra {@code key = value} lines for the server's config file */
    static LiveServer start(Path dir, String... settings) throws Exception {
        int sipPort = ServeIT.stablePort();
        Path config = dir.resolve("callvault.properties");
        Files.writeString(config, String.join("\n", "data_dir = " + dir.resolve("data"),
                "http.port = " + ServeIT.stablePort(), "sip.port = " + sipPort,
                "media.port_min = 31000", "media.port_max = 31199", String.join("\n", settings), ""));
        ServerConfig cfg = ServerConfig.load(config, Map.of());
        try (var catalog = Services.openCatalogOnly(cfg)) {
            catalog.directory().putExtension(extension("201", "Alice", PASSWORD_A, cfg));
            catalog.directory().putExtension(extension("202", "Bob", PASSWORD_B, cfg));
        }
        LiveServer server = new LiveServer(dir, config, cfg, sipPort);
        server.restart();
        return server;
    }

    /** Starts (again) the server process on the same data directory. */
    void restart() throws Exception {
        process = ServerProcess.start(Map.of(), Main.class.getName(), "serve", "--config", config.toString());
        awaitLog("callvault serving", 60);
    }

    void awaitLog(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (process.output().contains(text)) {
                return;
            }
            if (!process.process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not log '" + text + "' within " + seconds + " s:\n" + process.output());
    }

    String proxy() {
        return "127.0.0.1:" + sipPort;
    }

    /**
     * Alice (201) calls Bob (202) through the server with baresip phones speaking the harness's caller and
     * callee sentences; Alice hangs up after {@code seconds}, or the {@code midCall} action runs after
     * {@code seconds} and the phones are then stopped. Returns the harness audio directory.
     */
    Path call(int seconds, Runnable midCall) throws Exception {
        return call(seconds, midCall, "udp");
    }

    Path call(int seconds, Runnable midCall, String transport) throws Exception {
        Path audio = Harness.audio();
        Path sourceA = pad(audio.resolve("caller_speech.wav"), "a_src.wav", seconds);
        Path sourceB = pad(audio.resolve("callee_speech.wav"), "b_src.wav", seconds);
        try (BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562, sourceB, account("202", PASSWORD_B, "auto", transport));
             BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564, sourceA, account("201", PASSWORD_A,
                     "manual", transport))) {
            awaitRegistered(bob, 20);
            awaitRegistered(alice, 20);
            if (midCall == null) {
                bob.script("wait:CALL_ESTABLISHED:40", "wait:CALL_CLOSED:60");
                String dial = "sip:202@" + proxy() + (transport.equals("udp") ? "" : ";transport=" + transport);
                alice.script("dial:" + dial, "wait:CALL_ESTABLISHED:30", "hold_until:" + seconds, "hangup",
                        "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                bob.awaitScript(30);
                Harness.assertContains(audio.resolve("caller_speech.wav"), bob.receivedAudio().orElseThrow(), 3);
            } else {
                alice.script("dial:sip:202@" + proxy(), "wait:CALL_ESTABLISHED:30", "hold_until:" + seconds);
                alice.awaitScript(60);
                midCall.run();
            }
        }
        return audio;
    }

    Path pad(Path source, String name, int seconds) throws Exception {
        Path out = dir.resolve(name);
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(), source.toString(), out.toString(),
                String.valueOf(seconds + 30), "1"), 30);
        return out;
    }

    String account(String user, String password, String answerMode) {
        return account(user, password, answerMode, "udp");
    }

    /** A baresip accounts line registering {@code user} with this server over {@code transport}. */
    String account(String user, String password, String answerMode, String transport) {
        return "<sip:" + user + "@" + proxy() + (transport.equals("udp") ? "" : ";transport=" + transport) + ">"
                + ";auth_pass=" + password + ";regint=600;answermode=" + answerMode + ";audio_codecs=PCMU,PCMA";
    }

    /** Registration happens at start-up, before a controller could see the event: read the phone's log. */
    static void awaitRegistered(BaresipPhone phone, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (phone.log().contains("200 OK") && phone.log().contains("binding")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("phone did not register within " + seconds + " s:\n" + phone.log());
    }

    static Extension extension(String number, String name, String password, ServerConfig cfg) {
        String realm = cfg.sip().realm();
        return new Extension(number, name, realm, DigestCredentials.ha1("MD5", number, realm, password),
                DigestCredentials.ha1("SHA-256", number, realm, password), "US-CA", Set.of(), Instant.now());
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.close();
        }
    }
}
