package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.RecordingRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API writes to the audit log for recordings and sign-ins, and how the log is read back. */
class AuditEntriesTest {
    @TempDir
    Path dir;
    ApiFixture f;
    RecordingRow rec;

    @BeforeEach
    void start() throws Exception {
        f = new ApiFixture(dir);
        rec = f.record("alice", "+14155550101", 1);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    List<AuditEntry> entries(String action) throws Exception {
        return f.auditLog().stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void recordingRoutes_writeListViewPlayDownloadTagAndDeleteEntries() throws Exception {
        Http.Auth cora = f.bearer("cora");
        String path = "/api/v1/recordings/" + rec.id();
        f.http.get("/api/v1/recordings?party=%2B14155550101&tag=queue:sales&limit=10", cora);
        f.http.get(path, cora);
        f.http.send("GET", path + "/audio", null, null, cora, Map.of("Range", "bytes=0-99"));
        f.http.get(path + "/audio?download=true", cora);
        f.http.json("PATCH", path + "/tags", Map.of("tags", Map.of("reviewed", "yes")), cora);
        assertThat(f.http.json("DELETE", path, Map.of("reason", "customer asked"), cora).status()).isEqualTo(200);

        AuditEntry list = entries("recording.list").getLast();
        assertThat(list.actor()).isEqualTo("cora");
        assertThat(list.outcome()).isEqualTo("ok");
        assertThat(list.details()).contains("party=+14…01", "tag=queue:…", "limit=10", "1 results")
                .doesNotContain("+14155550101");
        String id = rec.id().toString();
        assertThat(entries("recording.view")).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo(id));
        assertThat(entries("recording.play")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(id);
            assertThat(e.details()).isEqualTo("bytes 0-99/32044");
        });
        assertThat(entries("recording.download")).singleElement().satisfies(e ->
                assertThat(e.details()).isEqualTo("bytes 0-32043/32044"));
        assertThat(entries("recording.tag")).singleElement().satisfies(e ->
                assertThat(e.details()).isEqualTo("keys [reviewed]"));
        assertThat(entries("recording.delete")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(id);
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.details()).contains("customer asked");
        });
        assertThat(AuditChain.verify(f.auditLog()).ok()).isTrue();
    }

    @Test
    void refusedRecordingAccess_isAuditedAsDenied() throws Exception {
        f.http.get("/api/v1/recordings/" + rec.id() + "/audio?download=true", f.bearer("alice"));
        assertThat(entries("recording.download")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.outcome()).isEqualTo("denied");
        });
    }

    @Test
    void deletionUnderHold_is409Held_andAuditedAsDenied() throws Exception {
        Http.Auth cora = f.bearer("cora");
        assertThat(f.http.json("POST", "/api/v1/holds", Map.of("name", "Smith v Acme", "reason", "litigation",
                "recordingIds", List.of(rec.id().toString())), cora).status()).isEqualTo(201);
        Http.Response r = f.http.json("DELETE", "/api/v1/recordings/" + rec.id(), Map.of("reason", "tidy up"), cora);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("held");
        assertThat(r.json().path("error").path("message").asText()).contains("Smith v Acme");
        assertThat(entries("recording.delete")).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("denied"));
        assertThat(f.http.get("/api/v1/recordings/" + rec.id(), cora).status()).isEqualTo(200);
    }

    @Test
    void loginSuccessAndFailure_areAudited() throws Exception {
        f.http.json("POST", "/api/v1/session", Map.of("username", "otto", "password", "wrong password here"),
                Http.Auth.NONE);
        f.login("otto");
        assertThat(entries("auth.login")).extracting(AuditEntry::outcome).containsExactly("denied", "ok");
    }

    @Test
    void auditRoutes_readPagesVerifyAndExportTheChain() throws Exception {
        Http.Auth otto = f.bearer("otto");
        f.http.get("/api/v1/recordings", otto);
        Http.Response page = f.http.get("/api/v1/audit?from=1&limit=2", otto);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("items")).hasSize(2);
        assertThat(page.json().path("next").asLong()).isEqualTo(3);
        Http.Response verify = f.http.get("/api/v1/audit/verify", otto);
        assertThat(verify.json().path("ok").asBoolean()).isTrue();
        assertThat(verify.json().path("description").asText()).startsWith("audit chain OK");
        Http.Response export = f.http.get("/api/v1/audit/export", otto);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        String[] lines = export.text().split("\n");
        List<AuditEntry> parsed = new java.util.ArrayList<>();
        for (String line : lines) {
            parsed.add(io.callvault.api.http.Json.MAPPER.readValue(line, AuditEntry.class));
        }
        assertThat(parsed.getFirst().seq()).isEqualTo(1);
        assertThat(AuditChain.verify(parsed).ok()).as("the export verifies on its own").isTrue();
        assertThat(entries("audit.export")).hasSize(1);
    }
}
