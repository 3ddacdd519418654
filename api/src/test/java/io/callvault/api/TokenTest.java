package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API tokens: shown once, stored hashed, expire, revocable by the owner or an admin. */
class TokenTest {
    @TempDir
    Path dir;
    ApiFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ApiFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    JsonNode create(String user, Map<String, Object> body) {
        Http.Response r = f.http.json("POST", "/api/v1/tokens", body, f.login(user));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    @Test
    void createdToken_authenticates_isListedWithoutSecret_andStoredHashed() throws Exception {
        JsonNode created = create("alice", Map.of("name", "ci"));
        String token = created.path("token").asText();
        assertThat(token).matches("cvt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(created.path("expiresAt").asText()).isEqualTo(ApiFixture.START.plus(Duration.ofDays(90)).toString());
        Http.Response me = f.http.get("/api/v1/session", Http.Auth.bearer(token));
        assertThat(me.json().path("username").asText()).isEqualTo("alice");
        assertThat(me.json().path("via").asText()).isEqualTo("token");
        Http.Response list = f.http.get("/api/v1/tokens", Http.Auth.bearer(token));
        assertThat(list.text()).doesNotContain(token.substring(21)).contains(created.path("id").asText());
        String secret = token.substring("cvt_".length() + 16 + 1); // the secret may itself contain '_'
        var stored = f.catalog.credentials().findToken(created.path("id").asText()).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(io.callvault.api.auth.Secrets.sha256Hex(secret));
        assertThat(f.auditLog()).anySatisfy(e -> assertThat(e.action()).isEqualTo("token.create"));
    }

    @Test
    void revokedToken_is401() {
        JsonNode created = create("alice", Map.of("name", "ci"));
        Http.Auth token = Http.Auth.bearer(created.path("token").asText());
        assertThat(f.http.json("DELETE", "/api/v1/tokens/" + created.path("id").asText(), null, token).status())
                .isEqualTo(204);
        Http.Response r = f.http.get("/api/v1/session", token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("unauthenticated");
    }

    @Test
    void expiredToken_is401() {
        JsonNode created = create("alice", Map.of("name", "short", "expiresInDays", 1));
        Http.Auth token = Http.Auth.bearer(created.path("token").asText());
        f.advance(Duration.ofHours(23));
        assertThat(f.http.get("/api/v1/session", token).status()).isEqualTo(200);
        f.advance(Duration.ofHours(1));
        assertThat(f.http.get("/api/v1/session", token).status()).isEqualTo(401);
    }

    @Test
    void tamperedOrMalformedToken_is401() {
        String token = create("alice", Map.of("name", "ci")).path("token").asText();
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(f.http.get("/api/v1/session", Http.Auth.bearer(tampered)).status()).isEqualTo(401);
        assertThat(f.http.get("/api/v1/session", Http.Auth.bearer("not-a-token")).status()).isEqualTo(401);
    }

    @Test
    void expiryOutOfRange_is422() {
        Http.Response r = f.http.json("POST", "/api/v1/tokens", Map.of("name", "long", "expiresInDays", 366),
                f.login("alice"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid");
    }

    @Test
    void someoneElsesToken_isRevocableByAdminOnly_andAllTokensListableByAdminOnly() {
        String id = create("bob", Map.of("name", "bob's")).path("id").asText();
        assertThat(f.http.json("DELETE", "/api/v1/tokens/" + id, null, f.bearer("alice")).status()).isEqualTo(403);
        assertThat(f.http.get("/api/v1/tokens?all=true", f.bearer("alice")).status()).isEqualTo(403);
        Http.Response all = f.http.get("/api/v1/tokens?all=true", f.bearer("ada"));
        assertThat(all.text()).contains(id);
        assertThat(f.http.json("DELETE", "/api/v1/tokens/" + id, null, f.bearer("ada")).status()).isEqualTo(204);
        assertThat(f.http.json("DELETE", "/api/v1/tokens/0123456789abcdef", null, f.bearer("ada")).status())
                .isEqualTo(404);
    }
}
