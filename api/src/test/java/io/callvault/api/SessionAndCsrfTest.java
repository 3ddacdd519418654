package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser flow: cookie attributes, CSRF on state changes, session expiry, logout. */
class SessionAndCsrfTest {
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

    @Test
    void login_setsAnHttpOnlyStrictCookie_andReturnsTheCsrfToken() throws Exception {
        Http.Response r = f.http.json("POST", "/api/v1/session", Map.of("username", "alice", "password",
                ApiFixture.PASSWORD), Http.Auth.NONE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).contains("no-store");
        assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
        String cookie = r.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("cv_session=").contains("; Path=/", "; HttpOnly", "; SameSite=Strict",
                "; Max-Age=28800").doesNotContain("Secure");
        assertThat(r.json().path("username").asText()).isEqualTo("alice");
        assertThat(r.json().path("roles").toString()).isEqualTo("[\"agent\"]");
        assertThat(r.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(r.json().path("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(43);
        // Only the SHA-256 of the cookie is stored.
        String value = ApiFixture.cookie(r);
        assertThat(f.catalog.credentials().findSession(value)).isEmpty();
        assertThat(f.catalog.credentials().findSession(io.callvault.api.auth.Secrets.sha256Hex(value))).isPresent();
    }

    @Test
    void secureCookieSetting_marksTheCookieSecure(@TempDir Path other) throws Exception {
        try (ApiFixture secure = new ApiFixture(other, ApiSettings.defaults().withSecureCookies(true))) {
            Http.Response r = secure.http.json("POST", "/api/v1/session", Map.of("username", "alice", "password",
                    ApiFixture.PASSWORD), Http.Auth.NONE);
            assertThat(r.header("Set-Cookie").orElseThrow()).endsWith("; Secure");
        }
    }

    @Test
    void stateChangingRequestWithCookie_withoutOrWithWrongCsrfToken_is403Csrf() {
        Http.Auth session = f.login("alice");
        Http.Response missing = f.http.json("POST", "/api/v1/tokens", Map.of("name", "x"), session.withoutCsrf());
        Http.Response wrong = f.http.json("POST", "/api/v1/tokens", Map.of("name", "x"),
                Http.Auth.session(session.cookie(), "forged"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.errorCode()).isEqualTo("csrf");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("csrf");
        assertThat(f.http.json("DELETE", "/api/v1/session", null, session.withoutCsrf()).errorCode()).isEqualTo("csrf");
        // Reads need no token; a state change with the right one passes.
        assertThat(f.http.get("/api/v1/session", session.withoutCsrf()).status()).isEqualTo(200);
        assertThat(f.http.json("POST", "/api/v1/tokens", Map.of("name", "x"), session).status()).isEqualTo(201);
    }

    @Test
    void session_expiresAfterItsTtl() {
        Http.Auth session = f.login("alice");
        f.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(f.http.get("/api/v1/session", session).status()).isEqualTo(200);
        f.advance(Duration.ofSeconds(1));
        Http.Response r = f.http.get("/api/v1/session", session);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("unauthenticated");
    }

    @Test
    void logout_endsTheSession_andIsAudited() throws Exception {
        Http.Auth session = f.login("alice");
        Http.Response out = f.http.json("DELETE", "/api/v1/session", null, session);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie").orElseThrow()).contains("cv_session=;", "Max-Age=0");
        assertThat(f.http.get("/api/v1/session", session).status()).isEqualTo(401);
        assertThat(f.auditLog()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("auth.logout");
            assertThat(e.actor()).isEqualTo("alice");
        });
    }

    @Test
    void disabledUser_getsUnauthenticatedWithSessionAndToken() throws Exception {
        Http.Auth token = f.bearer("bob");
        Http.Auth session = f.login("bob");
        assertThat(f.http.json("PATCH", "/api/v1/users/bob", Map.of("disabled", true), f.bearer("ada")).status())
                .isEqualTo(200);
        assertThat(f.http.get("/api/v1/session", token).status()).isEqualTo(401);
        assertThat(f.http.get("/api/v1/session", session).status()).isEqualTo(401);
    }
}
