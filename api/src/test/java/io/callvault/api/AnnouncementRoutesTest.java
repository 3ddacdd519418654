package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.api.announcements.AnnouncementRoutes;
import io.callvault.vault.spi.AuditEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, uploading and removing recording announcements through HTTP, with their audit entries. */
class AnnouncementRoutesTest {
    @TempDir
    Path dir;
    ApiFixture f;
    Http.Auth cora;

    @BeforeEach
    void start() throws Exception {
        f = new ApiFixture(dir);
        cora = f.bearer("cora");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Http.Response upload(String language, byte[] body, String type, Http.Auth auth) {
        return f.http.send("PUT", "/api/v1/announcements/" + language, body, type, auth, Map.of());
    }

    @Test
    void uploadValidPrompt_isListedWithItsSha256_andAudited() throws Exception {
        byte[] wav = TestAudio.monoWav(1);

        Http.Response put = upload("de", wav, "audio/wav", cora);

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        String sha256 = MemoryPromptLibrary.sha256(wav);
        assertThat(put.json().path("language").asText()).isEqualTo("de");
        assertThat(put.json().path("source").asText()).isEqualTo("operator");
        assertThat(put.json().path("sha256").asText()).isEqualTo(sha256);
        JsonNode items = ApiFixture.items(f.http.get("/api/v1/announcements", f.bearer("otto")));
        List<String> rows = new ArrayList<>();
        items.forEach(i -> rows.add(i.path("language").asText() + " " + i.path("source").asText() + " "
                + i.path("sha256").asText()));
        assertThat(rows).containsExactly("de operator " + sha256, "en builtin " + MemoryPromptLibrary.BUILT_IN_SHA256);
        assertThat(items.get(0).path("durationMs").asLong()).isPositive();
        AuditEntry audited = entries("announcement.put").getFirst();
        assertThat(audited.actor()).isEqualTo("cora");
        assertThat(audited.target()).isEqualTo("de");
        assertThat(audited.outcome()).isEqualTo("ok");
        assertThat(audited.details()).contains("sha256 " + sha256);
    }

    @Test
    void uploadInvalidWav_is422WithTheLibrarysMessage() {
        Http.Response r = upload("fr", TestAudio.wav(0.5), "audio/wav", cora);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid");
        assertThat(r.json().path("error").path("message").asText()).isEqualTo(MemoryPromptLibrary.REFUSAL);
        assertThat(f.prompts.list()).noneMatch(p -> p.language().equals("fr"));
    }

    @Test
    void uploadOversize_is413() {
        Http.Response r = upload("de", new byte[AnnouncementRoutes.MAX_PROMPT_BYTES + 1], "audio/wav", cora);

        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("too_large");
    }

    @Test
    void uploadAsAgent_is403_auditedAsDenied_andChangesNothing() throws Exception {
        Http.Response r = upload("de", TestAudio.monoWav(1), "audio/wav", f.bearer("alice"));

        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("forbidden");
        assertThat(f.prompts.list()).extracting(p -> p.language()).containsExactly("en");
        assertThat(entries("announcement.put")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.target()).isEqualTo("de");
        });
    }

    @Test
    void uploadWithoutWavContentType_is415() {
        Http.Response r = upload("de", TestAudio.monoWav(1), "application/octet-stream", cora);

        assertThat(r.status()).as(r.text()).isEqualTo(415);
        assertThat(r.json().path("error").path("message").asText()).contains("Content-Type audio/wav");
    }

    @Test
    void uploadForLanguageInWrongCase_is400WithTheSpelling() {
        Http.Response r = upload("de-at", TestAudio.monoWav(1), "audio/wav", cora);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("path parameter 'language': 'de-at' is not a language tag; write de-AT");
    }

    @Test
    void deleteUploaded_removesIt_andAuditsItsSha256_thenDeletingAgainIs404() throws Exception {
        byte[] wav = TestAudio.monoWav(1);
        assertThat(upload("de", wav, "audio/wav", f.bearer("ada")).status()).isEqualTo(200);

        Http.Response removed = f.http.json("DELETE", "/api/v1/announcements/de", null, f.bearer("ada"));
        Http.Response again = f.http.json("DELETE", "/api/v1/announcements/de", null, f.bearer("ada"));

        assertThat(removed.status()).as(removed.text()).isEqualTo(204);
        assertThat(f.prompts.list()).extracting(p -> p.language()).containsExactly("en");
        assertThat(entries("announcement.delete")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("de");
            assertThat(e.details()).isEqualTo("sha256 " + MemoryPromptLibrary.sha256(wav));
        });
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("error").path("message").asText()).contains("no uploaded announcement for 'de'");
    }

    private List<AuditEntry> entries(String action) throws Exception {
        return f.auditLog().stream().filter(e -> e.action().equals(action)).toList();
    }
}
