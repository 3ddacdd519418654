package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callvault.api.auth.Passwords;
import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.CallRecord;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.SegmentKind;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pausing and resuming a live call's recording, end to end with real baresip phones: through the REST API
 * (as a payment application would, by SIP Call-ID) and by the agent's feature codes keyed as RFC 4733
 * events, which the other party never receives. A pause longer than the maximum leaves an alert in the
 * call record. A call to a payment number is paused throughout, and the IVR still receives key events.
 */
class PciControlIT {
    private static final String AGENT_PASSWORD = "alice long passphrase 7";

    @TempDir
    Path dir;

    @Test
    void restAndFeatureCodes_pauseAndResume_codesNotForwarded_longPauseAlerted() throws Exception {
        Path audio = Harness.audio();
        try (LiveServer server = LiveServer.start(dir, "pci.max_pause_seconds = 10")) {
            try (var catalog = Services.openCatalogOnly(server.cfg)) {
                catalog.users().create(new UserAccount("alice", "Alice", Set.of(Role.AGENT), Set.of(), "201",
                        Passwords.hash(AGENT_PASSWORD), false, 0, null, false, Instant.now()));
            }
            String api = "http://127.0.0.1:" + server.cfg.http().port() + "/api/v1";
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> login = send(http, "POST", api + "/session", null,
                    "{\"username\":\"alice\",\"password\":\"" + AGENT_PASSWORD + "\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String csrf = field(login.body(), "csrfToken");

            Path aliceSrc = pad(audio.resolve("caller_speech.wav"), "alice-src.wav");
            Path bobSrc = pad(audio.resolve("callee_speech.wav"), "bob-src.wav");
            try (BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562, bobSrc,
                    server.account("202", LiveServer.PASSWORD_B, "auto"));
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564, aliceSrc,
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(bob, 20);
                LiveServer.awaitRegistered(alice, 20);
                bob.script("wait:CALL_ESTABLISHED:40", "hold_until:20", "dtmf:*1:200", "sleep:4", "dtmf:*2:200",
                        "wait:CALL_CLOSED:60");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30", "hold_until:32", "hangup",
                        "wait:CALL_CLOSED:15");

                String[] sipCallId = new String[1];
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    HttpResponse<String> live = send(http, "GET", api + "/calls/live", null, null);
                    Matcher m = Pattern.compile("\"sipCallId\"\\s*:\\s*\"([^\"]+)\"").matcher(live.body());
                    if (live.statusCode() == 200 && m.find()) {
                        sipCallId[0] = m.group(1);
                        return true;
                    }
                    return false;
                });
                String call = api + "/calls/" + URLEncoder.encode(sipCallId[0], StandardCharsets.UTF_8);
                Thread.sleep(2000);
                HttpResponse<String> paused = send(http, "POST", call + "/pause", csrf, "{\"reason\":\"card payment\"}");
                assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
                assertThat(paused.body()).contains("\"paused\":true");
                assertThat(send(http, "POST", call + "/pause", csrf, null).statusCode()).isEqualTo(409);
                Thread.sleep(12_000);                         // longer than pci.max_pause_seconds
                HttpResponse<String> resumed = send(http, "POST", call + "/resume", csrf, null);
                assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);

                alice.awaitScript(90);
                bob.awaitScript(30);
                // Bob's feature codes never reached Alice's phone
                assertThat(alice.events()).doesNotContain("CALL_DTMF_START");
            }
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !catalog.callLog().recent(0, 5).isEmpty());
                CallRecord record = catalog.callLog().recent(0, 5).getFirst();
                assertThat(record.alerts()).singleElement().asString().contains("paused for more than 10 s");
                var row = catalog.search(RecordingQuery.all()).getFirst();
                List<Segment> pauses = catalog.segments(row.id()).stream()
                        .filter(s -> s.kind() == SegmentKind.PAUSED).toList();
                assertThat(pauses).hasSize(2);
                assertThat(pauses.get(0).reason()).startsWith("api: card payment");
                assertThat(pauses.get(0).endMillis() - pauses.get(0).startMillis()).isBetween(11_000L, 14_000L);
                assertThat(pauses.get(1).reason()).startsWith("feature-code");
                assertThat(pauses.get(1).endMillis() - pauses.get(1).startMillis()).isBetween(3_000L, 6_000L);
                List<AuditEntry> audit = catalog.auditLog().read(1, 1000);
                assertThat(audit).extracting(AuditEntry::action).contains("call.pause", "call.resume");
            }
        }
    }

    private Path pad(Path source, String name) throws Exception {
        Path out = dir.resolve(name);
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(), source.toString(), out.toString(),
                "60", "1"), 30);
        return out;
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String csrf, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void callToAPaymentNumber_isPausedFromTheAnswer_andTheIvrStillGetsTheRealKeyEvents() throws Exception {
        Path audio = Harness.audio();
        // 202 stands in for a payment IVR; masking toward the agent is on, yet events toward the IVR pass
        try (LiveServer server = LiveServer.start(dir, "pci.payment_numbers = 202", "pci.mask_toward_agent = always")) {
            Path aliceSrc = pad(audio.resolve("caller_speech.wav"), "alice-src.wav");
            Path ivrSrc = pad(audio.resolve("callee_speech.wav"), "ivr-src.wav");
            try (BaresipPhone ivr = BaresipPhone.start(dir, "bob", 5262, 4562, ivrSrc,
                    server.account("202", LiveServer.PASSWORD_B, "auto"));
                 BaresipPhone alice = BaresipPhone.start(dir, "alice", 5264, 4564, aliceSrc,
                         server.account("201", LiveServer.PASSWORD_A, "manual"))) {
                LiveServer.awaitRegistered(ivr, 20);
                LiveServer.awaitRegistered(alice, 20);
                ivr.script("wait:CALL_ESTABLISHED:40", "expect_dtmf:4111:30", "wait:CALL_CLOSED:60");
                alice.script("dial:sip:202@" + server.proxy(), "wait:CALL_ESTABLISHED:30", "hold_until:3",
                        "dtmf:4111:200", "hold_until:10", "hangup", "wait:CALL_CLOSED:15");
                alice.awaitScript(60);
                ivr.awaitScript(30);   // fails unless the IVR received the four keys as events
            }
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !catalog.search(RecordingQuery.all()).isEmpty()
                        && catalog.search(RecordingQuery.all()).getFirst().endedAt() != null);
                var row = catalog.search(RecordingQuery.all()).getFirst();
                List<Segment> pauses = catalog.segments(row.id()).stream()
                        .filter(s -> s.kind() == SegmentKind.PAUSED).toList();
                assertThat(pauses).isNotEmpty();
                assertThat(pauses.getFirst().reason()).startsWith("payment-route");
                assertThat(pauses.getFirst().startMillis()).isLessThan(500);
                assertThat(pauses.getFirst().endMillis()).isGreaterThan(row.durationMillis() - 500);
            }
        }
    }
}
