package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API in a real {@code serve} process: the first start creates the admin and prints its one-time
 * password exactly once (never into the log), that password must be changed before anything else, and
 * a later start does not create or print anything.
 */
class ApiServeIT {
    private static final Pattern ONE_TIME = Pattern.compile("one-time password (\\S+) ");

    @TempDir
    Path dir;

    @Test
    void firstStart_printsAdminPasswordOnce_whichMustBeChangedBeforeUse() throws Exception {
        int port = ServeIT.stablePort();
        Map<String, String> env = Map.of("CALLVAULT_DATA_DIR", dir.resolve("data").toString(),
                "CALLVAULT_HTTP_PORT", String.valueOf(port), "CALLVAULT_SIP_PORT", String.valueOf(ServeIT.stablePort()));
        String base = "http://127.0.0.1:" + port + "/api/v1";
        String password;
        try (ServerProcess p = ServerProcess.callvault(env, dir, "serve")) {
            ServeIT.awaitContaining(p, "callvault serving", 60);
            Matcher m = ONE_TIME.matcher(p.output());
            assertThat(m.find()).as(p.output()).isTrue();
            password = m.group(1);

            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> wrong = post(browser, base + "/session", null,
                    "{\"username\":\"admin\",\"password\":\"not-the-password\"}");
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> login = post(browser, base + "/session", null,
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(login.body()).contains("\"mustChangePassword\":true");
            assertThat(login.headers().allValues("set-cookie")).anySatisfy(c ->
                    assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
            String csrf = field(login.body(), "csrfToken");

            HttpResponse<String> blocked = browser.send(HttpRequest.newBuilder(URI.create(base + "/users")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(blocked.body()).contains("password_change_required");

            HttpResponse<String> changed = post(browser, base + "/session/password", csrf,
                    "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"a much longer passphrase 42\"}");
            assertThat(changed.statusCode()).as(changed.body()).isBetween(200, 204);
            HttpResponse<String> users = browser.send(HttpRequest.newBuilder(URI.create(base + "/users")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
            assertThat(users.body()).contains("\"admin\"").doesNotContain("argon2");

            // printed once, and neither the wrong nor the right password was logged
            assertThat(p.output().split(Pattern.quote(password), -1)).hasSize(2);
            assertThat(p.output()).doesNotContain("not-the-password").doesNotContain("a much longer passphrase");
            p.process.destroy();
            p.awaitExit(20);
        }
        try (ServerProcess again = ServerProcess.callvault(env, dir, "serve")) {
            ServeIT.awaitContaining(again, "callvault serving", 60);
            assertThat(again.output()).doesNotContain("one-time password");
            again.process.destroy();
            again.awaitExit(20);
        }
    }

    private static HttpResponse<String> post(HttpClient client, String url, String csrf, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
