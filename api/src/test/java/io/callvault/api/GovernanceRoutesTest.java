package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.vault.spi.RecordingRow;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds, retention, data-subject requests and keys through HTTP, end to end over the real services. */
class GovernanceRoutesTest {
    @TempDir
    Path dir;
    ApiFixture f;
    RecordingRow rec;
    Http.Auth cora;
    Http.Auth carl;

    @BeforeEach
    void start() throws Exception {
        f = new ApiFixture(dir);
        rec = f.record("alice", "+14155550101", 1);
        cora = f.bearer("cora");
        carl = f.bearer("carl");
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void holdRelease_needsTwoPeople() {
        JsonNode hold = f.http.json("POST", "/api/v1/holds", Map.of("name", "Smith v Acme", "reason", "litigation",
                "party", "+14155550101"), cora).json();
        String path = "/api/v1/holds/" + hold.path("id").asText();
        assertThat(hold.path("scope").path("party").asText()).isEqualTo("+14155550101");
        assertThat(f.http.json("POST", path + "/release", null, cora).errorCode()).isEqualTo("no_release_request");
        assertThat(f.http.json("POST", path + "/release-request", Map.of("reason", "settled"), cora).status())
                .isEqualTo(200);
        Http.Response self = f.http.json("POST", path + "/release", null, cora);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.errorCode()).isEqualTo("four_eyes");
        Http.Response other = f.http.json("POST", path + "/release", null, carl);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().path("active").asBoolean()).isFalse();
        assertThat(other.json().path("releasedBy").asText()).isEqualTo("carl");
        assertThat(f.http.get("/api/v1/holds/no-such-hold", cora).status()).isEqualTo(404);
    }

    @Test
    void holdWithBothIdsAndSearch_is422() {
        Http.Response r = f.http.json("POST", "/api/v1/holds", Map.of("name", "x", "reason", "y", "party",
                "+14155550101", "recordingIds", List.of(rec.id().toString())), cora);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid");
    }

    @Test
    void heldFlag_findsOnlyHeldRecordings_andDetailsNameTheHold() {
        RecordingRow other = null;
        try {
            other = f.record("alice", "+14155550199", 1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        f.http.json("POST", "/api/v1/holds", Map.of("name", "Audit 2026", "reason", "regulator",
                "recordingIds", List.of(rec.id().toString())), cora);
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?flag=held", cora)))
                .containsExactly(rec.id().toString());
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings", cora))).hasSize(2)
                .contains(other.id().toString());
        JsonNode details = f.http.get("/api/v1/recordings/" + rec.id(), f.bearer("alice")).json();
        assertThat(details.path("holds").get(0).path("name").asText()).isEqualTo("Audit 2026");
        assertThat(details.path("decision").isNull()).isTrue();
    }

    @Test
    void retention_assignsOnPolicyChange_andARunShredsExpiredRecordings() {
        assertThat(f.http.json("PUT", "/api/v1/retention/policies/default", Map.of("retainDays", 10), cora).status())
                .isEqualTo(200);
        JsonNode details = f.http.get("/api/v1/recordings/" + rec.id(), cora).json();
        assertThat(details.path("retention").path("policy").asText()).isEqualTo("default");
        assertThat(details.path("retention").path("retainUntil").asText()).isEqualTo("2026-12-09T10:00:00Z");
        f.advance(Duration.ofDays(10));
        JsonNode dry = f.http.json("POST", "/api/v1/retention/run?dryRun=true", null, cora).json();
        assertThat(dry.path("items").get(0).path("outcome").asText()).isEqualTo("would_delete");
        JsonNode run = f.http.json("POST", "/api/v1/retention/run?dryRun=false", null, cora).json();
        assertThat(run.path("items").get(0).path("outcome").asText()).isEqualTo("deleted");
        assertThat(f.http.get("/api/v1/recordings/" + rec.id(), cora).status()).isEqualTo(404);
        assertThat(f.http.json("DELETE", "/api/v1/retention/policies/none", null, cora).status()).isEqualTo(404);
        assertThat(f.http.json("PUT", "/api/v1/retention/policies/Bad%20Name", Map.of("retainDays", 1), cora).status())
                .isEqualTo(422);
    }

    @Test
    void dsar_exportsAZipWithTheAudio_erasesAndCloses() throws Exception {
        JsonNode access = f.http.json("POST", "/api/v1/dsars", Map.of("kind", "access", "numbers",
                List.of("+14155550101"), "subjectName", "Pat"), cora).json();
        String id = access.path("id").asText();
        assertThat(access.path("status").asText()).isEqualTo("open");
        assertThat(access.path("dueAt").asText()).isEqualTo(ApiFixture.START.plus(Duration.ofDays(30)).toString());
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/dsars/" + id + "/recordings", cora)))
                .containsExactly(rec.id().toString());
        Http.Response zip = f.http.json("POST", "/api/v1/dsars/" + id + "/export", null, cora);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
        List<String> names = new ArrayList<>();
        byte[] wav = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] content = in.readAllBytes();
                if (e.getName().endsWith(".wav")) {
                    wav = content;
                }
            }
        }
        assertThat(names).contains("recordings/" + rec.id() + ".wav", "audit.jsonl", "summary.txt");
        assertThat(wav).isEqualTo(TestAudio.wav(1));

        JsonNode erasure = f.http.json("POST", "/api/v1/dsars", Map.of("kind", "erasure", "numbers",
                List.of("+14155550101")), cora).json();
        JsonNode report = f.http.json("POST", "/api/v1/dsars/" + erasure.path("id").asText() + "/erasure", null, cora)
                .json();
        assertThat(report.path("items").get(0).path("outcome").asText()).isEqualTo("erased");
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(f.http.json("POST", "/api/v1/dsars/" + id + "/erasure", null, cora).errorCode())
                .isEqualTo("not_erasure");
        JsonNode closed = f.http.json("POST", "/api/v1/dsars/" + id + "/close", Map.of("status", "completed",
                "note", "sent by post"), cora).json();
        assertThat(closed.path("status").asText()).isEqualTo("completed");
        assertThat(f.http.json("POST", "/api/v1/dsars/" + id + "/close", Map.of("status", "completed"), cora)
                .errorCode()).isEqualTo("request_closed");
    }

    @Test
    void dsarDeadlines_listOverdueAndDueSoon() {
        String id = f.http.json("POST", "/api/v1/dsars", Map.of("kind", "access", "numbers", List.of("+15550001")),
                cora).json().path("id").asText();
        f.advance(Duration.ofDays(24));
        JsonNode soon = f.http.get("/api/v1/dsars/deadlines", f.bearer("otto")).json();
        assertThat(soon.path("dueSoon").get(0).path("id").asText()).isEqualTo(id);
        f.advance(Duration.ofDays(7));
        JsonNode late = f.http.get("/api/v1/dsars/deadlines", f.bearer("otto")).json();
        assertThat(late.path("overdue").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void keys_statusShowsDataKeysPerKek_andRotationRewrapsThem() {
        Http.Auth ada = f.bearer("ada");
        JsonNode before = f.http.get("/api/v1/keys", ada).json();
        assertThat(before.path("keks")).hasSize(1);
        assertThat(before.path("keks").get(0).path("dataKeys").asInt()).isEqualTo(1);
        JsonNode rotation = f.http.json("POST", "/api/v1/keys/rotate", null, ada).json();
        assertThat(rotation.path("rewrapped").asInt()).isEqualTo(1);
        JsonNode after = f.http.get("/api/v1/keys", ada).json();
        assertThat(after.path("primary").asText()).isEqualTo(rotation.path("newKekId").asText());
        assertThat(after.path("keks")).hasSize(2);
        assertThat(f.http.get("/api/v1/recordings/" + rec.id() + "/audio", cora).body()).isEqualTo(TestAudio.wav(1));
    }

    @Test
    void config_returnsTheRedactedSettings() {
        JsonNode config = f.http.get("/api/v1/config", f.bearer("otto")).json();
        assertThat(config.path("settings").path("catalog.password").asText()).isEqualTo("(redacted)");
    }

    @Test
    void users_createUpdateAndLastAdminGuard() {
        Http.Auth ada = f.bearer("ada");
        Http.Response created = f.http.json("POST", "/api/v1/users", Map.of("username", "dora", "roles",
                List.of("agent"), "teams", List.of("red"), "extension", "205"), ada);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("oneTimePassword").asText()).hasSize(24);
        assertThat(created.json().path("user").path("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain("argon2", "passwordHash");
        assertThat(f.http.json("POST", "/api/v1/users", Map.of("username", "dora", "roles", List.of("agent")), ada)
                .status()).isEqualTo(409);
        assertThat(f.http.json("POST", "/api/v1/users", Map.of("username", "Bad Name", "roles", List.of("agent")), ada)
                .status()).isEqualTo(422);
        assertThat(f.http.json("POST", "/api/v1/users", Map.of("username", "eve", "roles", List.of("root")), ada)
                .status()).isEqualTo(422);
        JsonNode patched = f.http.json("PATCH", "/api/v1/users/dora", Map.of("roles", List.of("agent", "supervisor"),
                "extension", ""), ada).json();
        assertThat(patched.path("roles").toString()).isEqualTo("[\"supervisor\",\"agent\"]");
        assertThat(patched.path("extension").isNull()).isTrue();
        Http.Response lastAdmin = f.http.json("PATCH", "/api/v1/users/ada", Map.of("disabled", true), ada);
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.errorCode()).isEqualTo("last_admin");
        assertThat(f.http.get("/api/v1/users/nobody", ada).status()).isEqualTo(404);
        assertThat(f.http.get("/api/v1/users", ada).text()).doesNotContain("argon2");
    }

    @Test
    void search_filtersAndPages() throws Exception {
        for (int i = 0; i < 3; i++) {
            f.record("bob", "+14155550102", 1);
        }
        Http.Auth otto = f.bearer("otto");
        JsonNode page = f.http.get("/api/v1/recordings?limit=2", otto).json();
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        JsonNode last = f.http.get("/api/v1/recordings?limit=2&offset=2", otto).json();
        assertThat(last.path("items")).hasSize(2);
        assertThat(last.path("hasMore").asBoolean()).isFalse();
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?party=%2B14155550101", otto)))
                .containsExactly(rec.id().toString());
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?agent=bob", otto))).hasSize(3);
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?tag=queue:sales&state=sealed", otto)))
                .hasSize(4);
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?tag=queue:other", otto))).isEmpty();
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?since=2026-11-30", otto))).isEmpty();
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?since=2026-11-29&until=2026-11-30", otto)))
                .hasSize(4);
        assertThat(RecordingScopeTest.ids(f.http.get("/api/v1/recordings?flag=interrupted", otto))).isEmpty();
    }
}
