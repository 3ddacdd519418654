package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.api.http.Route;
import io.callvault.vault.spi.RecordingRow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route, called as each of the five roles and without credentials, against expectations written
 * here by hand (deliberately not derived from AccessMatrix, so a change to the matrix or to a route's
 * permission that is not also made here fails). "Allowed" means the request got past authorization:
 * any status but 401/403 (and no 500); "refused" means 403 {@code forbidden}. Without credentials every
 * route but the public ones is 401. docs/access-control.md prints the same table by permission.
 *
 * <p>Acting users: admin ada, compliance cora, supervisor sam (team red), agent alice (team red, ext 201),
 * auditor otto; the recordings used are alice's, and so is the live call (on her extension 201), so they are
 * in scope for sam and alice.
 */
class RoleMatrixTest {
    static final List<String> ROLES = List.of("admin", "compliance", "supervisor", "agent", "auditor");
    static final Map<String, String> USER = Map.of("admin", "ada", "compliance", "cora", "supervisor", "sam",
            "agent", "alice", "auditor", "otto");
    static final Object MULTIPART = new Object();
    static final Object WAV = new Object();

    /**
     * One call: method, path (placeholders in braces filled from the fixture), body (JSON-able, null,
     * {@link #MULTIPART} or {@link #WAV}) and who may make it: "public", "all" (every signed-in role) or role names.
     */
    record Row(String method, String path, Object body, String allowed) {
        Set<String> allowedRoles() {
            return allowed.equals("all") || allowed.equals("public") ? Set.copyOf(ROLES)
                    : Set.of(allowed.split(" "));
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + allowed;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                row("GET", "/api/v1/openapi.yaml", null, "public"),
                row("POST", "/api/v1/session", "LOGIN", "public"),
                row("GET", "/api/v1/session", null, "all"),
                row("DELETE", "/api/v1/session", null, "all"),
                row("POST", "/api/v1/session/password", Map.of("currentPassword", "not the password at all",
                        "newPassword", "another long passphrase"), "all"),
                row("GET", "/api/v1/tokens", null, "all"),
                row("POST", "/api/v1/tokens", Map.of("name", "matrix"), "all"),
                row("DELETE", "/api/v1/tokens/{bobsToken}", null, "admin"),
                row("GET", "/api/v1/users", null, "admin"),
                row("POST", "/api/v1/users", Map.of("username", "made-by-matrix", "roles", List.of("agent")), "admin"),
                row("GET", "/api/v1/users/{user}", null, "admin"),
                row("PATCH", "/api/v1/users/{user}", Map.of("displayName", "Bob B"), "admin"),
                row("POST", "/api/v1/users/{user}/password", null, "admin"),
                row("GET", "/api/v1/recordings", null, "compliance supervisor agent auditor"),
                row("POST", "/api/v1/recordings", MULTIPART, "admin compliance"),
                row("GET", "/api/v1/recordings/{rec}", null, "compliance supervisor agent auditor"),
                row("GET", "/api/v1/recordings/{rec}/audio", null, "compliance supervisor agent"),
                row("GET", "/api/v1/recordings/{rec}/audio?download=true", null, "compliance supervisor"),
                row("PATCH", "/api/v1/recordings/{rec}/tags", Map.of("tags", Map.of("matrix", "yes")),
                        "compliance supervisor"),
                row("DELETE", "/api/v1/recordings/{recToDelete}", Map.of("reason", "matrix test"), "compliance"),
                row("GET", "/api/v1/holds", null, "compliance auditor"),
                row("POST", "/api/v1/holds", Map.of("name", "Matrix", "reason", "test", "recordingIds",
                        List.of("{rec}")), "compliance"),
                row("GET", "/api/v1/holds/{hold}", null, "compliance auditor"),
                row("POST", "/api/v1/holds/{hold}/release-request", Map.of("reason", "matter settled"), "compliance"),
                row("POST", "/api/v1/holds/{hold}/release", null, "compliance"),
                row("GET", "/api/v1/retention/policies", null, "admin compliance auditor"),
                row("PUT", "/api/v1/retention/policies/matrix", Map.of("retainDays", 3650), "compliance"),
                row("DELETE", "/api/v1/retention/policies/{policy}", null, "compliance"),
                row("POST", "/api/v1/retention/run?dryRun=true", null, "admin compliance auditor"),
                row("POST", "/api/v1/retention/run?dryRun=false", null, "compliance"),
                row("GET", "/api/v1/dsars", null, "compliance auditor"),
                row("POST", "/api/v1/dsars", Map.of("kind", "access", "numbers", List.of("+15550000001")), "compliance"),
                row("GET", "/api/v1/dsars/deadlines", null, "compliance auditor"),
                row("GET", "/api/v1/dsars/{dsar}", null, "compliance auditor"),
                row("GET", "/api/v1/dsars/{dsar}/recordings", null, "compliance auditor"),
                row("POST", "/api/v1/dsars/{dsar}/export", null, "compliance"),
                row("POST", "/api/v1/dsars/{erasure}/erasure", null, "compliance"),
                row("POST", "/api/v1/dsars/{dsar}/close", Map.of("status", "rejected", "note", "matrix"), "compliance"),
                row("GET", "/api/v1/audit", null, "compliance auditor"),
                row("GET", "/api/v1/audit/verify", null, "compliance auditor"),
                row("GET", "/api/v1/audit/export", null, "compliance auditor"),
                row("GET", "/api/v1/config", null, "admin compliance auditor"),
                row("GET", "/api/v1/policy/explain?caller=%2B14155550123&callee=%2B4930123456", null,
                        "admin compliance auditor"),
                row("GET", "/api/v1/announcements", null, "admin compliance auditor"),
                row("PUT", "/api/v1/announcements/de", WAV, "admin compliance"),
                row("DELETE", "/api/v1/announcements/de", null, "admin compliance"),
                row("GET", "/api/v1/calls/live", null, "supervisor agent"),
                row("POST", "/api/v1/calls/{call}/pause", Map.of("reason", "payment"), "supervisor agent"),
                row("POST", "/api/v1/calls/{call}/resume", null, "supervisor agent"),
                row("GET", "/api/v1/keys", null, "admin auditor"),
                row("POST", "/api/v1/keys/rotate", null, "admin"));
    }

    static Row row(String method, String path, Object body, String allowed) {
        return new Row(method, path, body, allowed);
    }

    @TempDir
    static Path dir;
    static ApiFixture f;
    static final Map<String, String> values = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        f = new ApiFixture(dir);
        RecordingRow rec = f.record("alice", "+14155550101", 1);
        RecordingRow toDelete = f.record("alice", "+14155550101", 1);
        values.put("rec", rec.id().toString());
        values.put("recToDelete", toDelete.id().toString());
        values.put("user", "bob");
        values.put("bobsToken", f.http.json("POST", "/api/v1/tokens", Map.of("name", "victim"), f.login("bob"))
                .json().path("id").asText());
        Http.Auth cora = f.bearer("cora");
        values.put("hold", f.http.json("POST", "/api/v1/holds", Map.of("name", "Setup", "reason", "litigation",
                "recordingIds", List.of(rec.id().toString())), cora).json().path("id").asText());
        values.put("call", f.calls.add("call-matrix", "matrix@pbx.example", "+14155550101", "201", "201", true)
                .label());
        values.put("policy", "short");
        assertThat(f.http.json("PUT", "/api/v1/retention/policies/short", Map.of("retainDays", 3000), cora).status())
                .isEqualTo(200);
        values.put("dsar", f.http.json("POST", "/api/v1/dsars", Map.of("kind", "access", "numbers",
                List.of("+14155550101")), cora).json().path("id").asText());
        values.put("erasure", f.http.json("POST", "/api/v1/dsars", Map.of("kind", "erasure", "numbers",
                List.of("+15550000009")), cora).json().path("id").asText());
        for (String role : ROLES) {
            f.bearer(USER.get(role)); // every token exists before any row runs
        }
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void route_asEveryRole_allowsOrRefusesAsWritten(Row row) {
        for (String role : ROLES) {
            Http.Response r = call(row, role, f.bearer(USER.get(role)));
            if (row.allowedRoles().contains(role)) {
                assertThat(r.status()).as(role + " on " + row + ": " + r.text()).isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(r.status()).as(role + " on " + row + ": " + r.text()).isEqualTo(403);
                assertThat(r.errorCode()).isEqualTo("forbidden");
            }
        }
        Http.Response anonymous = call(row, "admin", Http.Auth.NONE);
        if (row.allowed().equals("public")) {
            assertThat(anonymous.status()).as("no credentials on " + row).isEqualTo(200);
        } else {
            assertThat(anonymous.status()).as("no credentials on " + row).isEqualTo(401);
            assertThat(anonymous.errorCode()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void table_coversEveryRegisteredRoute() {
        Set<String> tabled = table().map(r -> r.method() + " " + template(r.path())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = Api.routes(f.context).stream().map(Route::describe)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tabled).isEqualTo(registered);
    }

    /** The route template a table path exercises: query dropped, fixture placeholders back to the route's names. */
    static String template(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.replace("{bobsToken}", "{id}").replace("{rec}", "{id}").replace("{recToDelete}", "{id}")
                .replace("{hold}", "{id}").replace("{dsar}", "{id}").replace("{erasure}", "{id}")
                .replace("{user}", "{username}").replace("{policy}", "{name}").replace("/matrix", "/{name}")
                .replace("/announcements/de", "/announcements/{language}").replace("{call}", "{callId}");
    }

    static Http.Response call(Row row, String role, Http.Auth auth) {
        String path = fill(row.path());
        if (row.body() == MULTIPART) {
            String boundary = "matrix-boundary";
            byte[] body = Http.multipart(boundary, Map.of("caller", List.of("+14155550101"), "callee",
                    List.of("+442071838750"), "agent", List.of("alice")), "call.wav", TestAudio.wav(0.5));
            return f.http.send(row.method(), path, body, "multipart/form-data; boundary=" + boundary, auth, Map.of());
        }
        if (row.body() == WAV) {
            return f.http.send(row.method(), path, TestAudio.monoWav(0.5), "audio/wav", auth, Map.of());
        }
        Object body = "LOGIN".equals(row.body()) ? Map.of("username", USER.get(role), "password", ApiFixture.PASSWORD)
                : row.body() == null ? null : fillBody(row.body());
        return f.http.json(row.method(), path, body, auth);
    }

    static String fill(String s) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            s = s.replace("{" + v.getKey() + "}", v.getValue());
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static Object fillBody(Object body) {
        if (body instanceof String s) {
            return fill(s);
        }
        if (body instanceof List<?> l) {
            return l.stream().map(RoleMatrixTest::fillBody).toList();
        }
        if (body instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, fillBody(v)));
            return out;
        }
        return body;
    }

    static {
        assert Arrays.asList(ROLES.toArray()).size() == 5;
    }
}
