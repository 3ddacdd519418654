package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.vault.spi.RecordingRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording scope over HTTP: an agent sees only their own calls, a supervisor those of their team's agents;
 * anything else answers exactly like a recording that does not exist, on every route.
 */
class RecordingScopeTest {
    @TempDir
    static Path dir;
    static ApiFixture f;
    static RecordingRow alices;
    static RecordingRow bobs;

    @BeforeAll
    static void start() throws Exception {
        f = new ApiFixture(dir);
        alices = f.record("alice", "+14155550101", 1);
        bobs = f.record("bob", "+14155550102", 1);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void agent_getsNotFoundForAnotherAgentsRecording_onEveryRoute() {
        Http.Auth alice = f.bearer("alice");
        String other = "/api/v1/recordings/" + bobs.id();
        String missing = "/api/v1/recordings/" + io.callvault.core.RecordingId.random();
        for (String base : List.of(other, missing)) {
            Http.Response details = f.http.get(base, alice);
            Http.Response audio = f.http.get(base + "/audio", alice);
            assertThat(details.status()).isEqualTo(404);
            assertThat(audio.status()).isEqualTo(404);
            assertThat(details.errorCode()).isEqualTo("not_found");
        }
        // Same message shape for a foreign id and a missing one: only the id differs.
        String foreignMsg = f.http.get(other, alice).json().path("error").path("message").asText();
        assertThat(foreignMsg).isEqualTo("no recording " + bobs.id());
    }

    @Test
    void supervisorWithTagPermission_getsNotFoundForOtherTeamsRecording_onTagsAndAudio() {
        Http.Auth sue = f.bearer("sue");
        Http.Auth sam = f.bearer("sam");
        String alicesPath = "/api/v1/recordings/" + alices.id();
        assertThat(f.http.json("PATCH", alicesPath + "/tags", Map.of("tags", Map.of("k", "v")), sue).status())
                .isEqualTo(404);
        assertThat(f.http.get(alicesPath + "/audio", sue).status()).isEqualTo(404);
        assertThat(f.http.json("PATCH", alicesPath + "/tags", Map.of("tags", Map.of("reviewed", "yes")), sam).status())
                .isEqualTo(200);
    }

    @Test
    void deletion_outsideScope_isNotFoundEvenForAPermittedRole() throws Exception {
        // Compliance sees everything, so scope is tested on delete through an id that does not exist; an
        // agent has no delete permission at all and is refused before the lookup.
        Http.Auth cora = f.bearer("cora");
        String missing = "/api/v1/recordings/" + io.callvault.core.RecordingId.random();
        assertThat(f.http.json("DELETE", missing, Map.of("reason", "test"), cora).status()).isEqualTo(404);
        Http.Response agentDelete = f.http.json("DELETE", "/api/v1/recordings/" + bobs.id(), Map.of("reason", "x"),
                f.bearer("alice"));
        assertThat(agentDelete.status()).isEqualTo(403);
    }

    @Test
    void search_isNarrowedToTheCallersScope() {
        assertThat(ids(f.http.get("/api/v1/recordings", f.bearer("alice")))).containsExactly(alices.id().toString());
        assertThat(ids(f.http.get("/api/v1/recordings", f.bearer("bob")))).containsExactly(bobs.id().toString());
        assertThat(ids(f.http.get("/api/v1/recordings", f.bearer("sam")))).containsExactly(alices.id().toString());
        assertThat(ids(f.http.get("/api/v1/recordings", f.bearer("sue")))).containsExactly(bobs.id().toString());
        assertThat(ids(f.http.get("/api/v1/recordings", f.bearer("cora"))))
                .containsExactlyInAnyOrder(alices.id().toString(), bobs.id().toString());
        // Asking for another agent explicitly does not widen the scope.
        assertThat(ids(f.http.get("/api/v1/recordings?agent=bob", f.bearer("alice")))).isEmpty();
        assertThat(ids(f.http.get("/api/v1/recordings?party=%2B14155550102", f.bearer("alice")))).isEmpty();
    }

    @Test
    void supervisorOfTheTeam_seesDetailsAndAudio_otherSupervisorDoesNot() {
        String path = "/api/v1/recordings/" + alices.id();
        assertThat(f.http.get(path, f.bearer("sam")).status()).isEqualTo(200);
        assertThat(f.http.get(path + "/audio", f.bearer("sam")).status()).isEqualTo(200);
        assertThat(f.http.get(path, f.bearer("sue")).status()).isEqualTo(404);
        assertThat(f.http.get(path, f.bearer("alice")).status()).isEqualTo(200);
    }

    static List<String> ids(Http.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : ApiFixture.items(r)) {
            ids.add(item.path("id").asText());
        }
        return ids;
    }
}
