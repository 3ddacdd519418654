package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.RecordingRow;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error bodies: the stable shape and codes, and never a stack trace, class name or internal detail. */
class ErrorResponsesTest {
    static final long MAX_UPLOAD = 64 * 1024;

    @TempDir
    static Path dir;
    static ApiFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ApiFixture(dir, ApiSettings.defaults().withMaxUploadBytes(MAX_UPLOAD));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static void assertClean(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
        assertThat(r.text()).doesNotContain("at io.", "Exception", "at java.", "jackson", "callvault.api.");
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    @Test
    void malformedJson_is400WithThePosition() {
        Http.Response r = f.http.json("POST", "/api/v1/tokens", "{\"name\": ", f.bearer("alice"));
        assertClean(r, 400, "bad_request");
        assertThat(r.text()).contains("malformed JSON");
    }

    @Test
    void unknownField_is400NamingTheField() {
        Http.Response r = f.http.json("POST", "/api/v1/tokens", Map.of("name", "x", "nmae", "y"), f.bearer("alice"));
        assertClean(r, 400, "bad_request");
        assertThat(r.text()).contains("unknown field 'nmae'");
    }

    @Test
    void wrongType_is400NamingTheField() {
        Http.Response r = f.http.json("POST", "/api/v1/tokens", Map.of("name", "x", "expiresInDays", "soon"),
                f.bearer("alice"));
        assertClean(r, 400, "bad_request");
        assertThat(r.text()).contains("'expiresInDays'");
    }

    @Test
    void oversizeJsonBody_is413() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertClean(f.http.json("POST", "/api/v1/tokens", big, f.bearer("alice")), 413, "too_large");
    }

    @Test
    void nonJsonBody_is415() {
        Http.Response r = f.http.send("POST", "/api/v1/tokens", "name=x".getBytes(), "text/plain",
                f.bearer("alice"), Map.of());
        assertClean(r, 415, "unsupported_media_type");
    }

    @Test
    void unknownRoute_is404Json_evenWithoutCredentials() {
        assertClean(f.http.get("/api/v1/nope", Http.Auth.NONE), 404, "not_found");
        assertClean(f.http.json("POST", "/api/v1/recordings/x/y/z", null, f.bearer("alice")), 404, "not_found");
        assertClean(f.http.json("PUT", "/api/v1/users", Map.of(), f.bearer("ada")), 404, "not_found");
    }

    @Test
    void badQueryParameters_are400() {
        Http.Auth cora = f.bearer("cora");
        assertClean(f.http.get("/api/v1/recordings?limit=500", cora), 400, "bad_request");
        assertClean(f.http.get("/api/v1/recordings?since=yesterday", cora), 400, "bad_request");
        assertClean(f.http.get("/api/v1/recordings?flag=odd", cora), 400, "bad_request");
        assertClean(f.http.get("/api/v1/recordings?tag=novalue", cora), 400, "bad_request");
        assertClean(f.http.get("/api/v1/recordings?party=abc", cora), 422, "invalid");
    }

    @Test
    void noOrBadCredentials_are401() {
        assertClean(f.http.get("/api/v1/recordings", Http.Auth.NONE), 401, "unauthenticated");
        assertClean(f.http.get("/api/v1/recordings", Http.Auth.session("forged", "x")), 401, "unauthenticated");
        assertClean(f.http.send("GET", "/api/v1/recordings", null, null, Http.Auth.NONE,
                Map.of("Authorization", "Basic YTpi")), 401, "unauthenticated");
    }

    @Test
    void internalFailure_is500WithAReferenceOnly() throws Exception {
        RecordingRow rec = f.record("alice", "+14155550101", 1);
        f.vault.blobs().delete(rec.blobKey());
        Http.Response r = f.http.get("/api/v1/recordings/" + rec.id() + "/audio", f.bearer("cora"));
        assertClean(r, 500, "internal");
        assertThat(r.json().path("error").path("message").asText()).matches("internal error; quote reference "
                + "[0-9a-f]{12} to the administrator.*");
        assertThat(r.text()).doesNotContain(rec.blobKey(), "recordings/");
    }

    @Test
    void badWavUpload_is422WithTheImportersReason_andStoresNothing() {
        int before = ApiFixture.items(f.http.get("/api/v1/recordings?limit=200", f.bearer("cora"))).size();
        String boundary = "b0undary";
        byte[] body = Http.multipart(boundary, Map.of("caller", List.of("+14155550101"), "callee",
                List.of("+442071838750")), "notes.wav", "this is not audio".getBytes());
        Http.Response r = f.http.send("POST", "/api/v1/recordings", body, "multipart/form-data; boundary=" + boundary,
                f.bearer("cora"), Map.of());
        assertClean(r, 422, "invalid");
        assertThat(r.text()).contains("notes.wav: not a WAV file");
        assertThat(ApiFixture.items(f.http.get("/api/v1/recordings?limit=200", f.bearer("cora")))).hasSize(before);
    }

    @Test
    void uploadMissingCallerOrFile_is422() {
        String boundary = "b0undary";
        byte[] noCaller = Http.multipart(boundary, Map.of("callee", List.of("+442071838750")), "a.wav",
                TestAudio.wav(0.1));
        assertClean(f.http.send("POST", "/api/v1/recordings", noCaller, "multipart/form-data; boundary=" + boundary,
                f.bearer("cora"), Map.of()), 422, "invalid");
        byte[] noFile = Http.multipart(boundary, Map.of("caller", List.of("+14155550101"), "callee",
                List.of("+442071838750")), null, null);
        assertClean(f.http.send("POST", "/api/v1/recordings", noFile, "multipart/form-data; boundary=" + boundary,
                f.bearer("cora"), Map.of()), 422, "invalid");
    }

    @Test
    void oversizeUpload_is413_withOrWithoutContentLength() throws Exception {
        String boundary = "b0undary";
        byte[] body = Http.multipart(boundary, Map.of("caller", List.of("+14155550101"), "callee",
                List.of("+442071838750")), "big.wav", TestAudio.wav(4)); // 128 KB of audio
        assertClean(f.http.send("POST", "/api/v1/recordings", body, "multipart/form-data; boundary=" + boundary,
                f.bearer("cora"), Map.of()), 413, "too_large");
        // Chunked: no Content-Length, so the limit is enforced while the parts are read.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.app.port() + "/api/v1/recordings"))
                .header("Authorization", "Bearer " + f.bearer("cora").bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofByteArray());
        assertClean(new Http.Response(r.statusCode(), r.headers().map(), r.body()), 413, "too_large");
    }

    @Test
    void importedRecording_isCreatedWithTheFormFields() {
        String boundary = "b0undary";
        byte[] body = Http.multipart(boundary, Map.of("caller", List.of("+14155550101"), "callee",
                List.of("+442071838750"), "direction", List.of("out"), "startedAt", List.of("2026-11-01T10:00:00Z"),
                "agent", List.of("alice"), "callId", List.of("abc@pbx"), "tags", List.of("queue=support", "lang=en")),
                "call.wav", TestAudio.wav(0.5));
        Http.Response r = f.http.send("POST", "/api/v1/recordings", body, "multipart/form-data; boundary=" + boundary,
                f.bearer("ada"), Map.of());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().path("direction").asText()).isEqualTo("out");
        assertThat(r.json().path("startedAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(r.json().path("tags").path("queue").asText()).isEqualTo("support");
        assertThat(r.json().path("wavBytes").asLong()).isEqualTo(TestAudio.wav(0.5).length);
    }
}
