package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.AuditEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing live calls and pausing and resuming their recording through HTTP with API tokens, as a payment
 * application would, with the scope rules and the audit entries. Live calls: alice's (ext 201, team red),
 * recorded, and bob's (ext 202, team blue), not recorded.
 */
class CallRoutesTest {
    /** A Call-ID of the form RFC 3261 shows, with the '@' a URL has to encode. */
    static final String SIP_CALL_ID = "a84b4c76e66710@pc33.atlanta.example.com";

    @TempDir
    Path dir;
    ApiFixture f;
    Http.Auth alice;

    @BeforeEach
    void start() throws Exception {
        f = new ApiFixture(dir);
        f.calls.add("call-alice", SIP_CALL_ID, "+14155550101", "201", "201", true);
        f.calls.add("call-bob", "77f0e1@pbx.example", "202", "+14155550199", "202", false);
        alice = f.bearer("alice");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Http.Response post(String ref, String action, Object body, Http.Auth auth) {
        return f.http.json("POST", "/api/v1/calls/" + URLEncoder.encode(ref, StandardCharsets.UTF_8) + "/" + action,
                body, auth);
    }

    private List<AuditEntry> entries(String action) throws Exception {
        return f.auditLog().stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void pauseThenResumeByLabel_withBearerToken_roundTripsAndIsAudited() throws Exception {
        Http.Response paused = post("call-alice", "pause", null, alice);
        Http.Response resumed = post("call-alice", "resume", null, alice);

        assertThat(paused.status()).as(paused.text()).isEqualTo(200);
        assertThat(paused.json().path("label").asText()).isEqualTo("call-alice");
        assertThat(paused.json().path("sipCallId").asText()).isEqualTo(SIP_CALL_ID);
        assertThat(paused.json().path("recording").asBoolean()).isTrue();
        assertThat(paused.json().path("paused").asBoolean()).isTrue();
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
        assertThat(resumed.json().path("paused").asBoolean()).isFalse();
        assertThat(f.calls.changes()).containsExactly("pause call-alice api payment alice", "resume call-alice alice");
        assertThat(entries("call.pause")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.target()).isEqualTo("call-alice");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.details()).isEqualTo("reason payment, trigger api");
        });
        assertThat(entries("call.resume")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("call-alice");
            assertThat(e.outcome()).isEqualTo("ok");
        });
    }

    @Test
    void pauseBySipCallIdWithAt_urlEncoded_pausesThatCallWithTheGivenReason() throws Exception {
        Http.Response r = f.http.json("POST", "/api/v1/calls/a84b4c76e66710%40pc33.atlanta.example.com/pause",
                Map.of("reason", "card payment"), alice);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("label").asText()).isEqualTo("call-alice");
        assertThat(f.calls.changes()).containsExactly("pause call-alice api card payment alice");
        assertThat(entries("call.pause").getFirst().target()).isEqualTo("call-alice");
        assertThat(entries("call.pause").getFirst().details()).isEqualTo("reason card payment, trigger api");
        assertThat(post(SIP_CALL_ID, "resume", null, alice).status()).isEqualTo(200);
    }

    @Test
    void pauseOtherAgentsCall_is404LikeAnUnknownCall_andIsAuditedAsFailed() throws Exception {
        Http.Auth bob = f.bearer("bob");

        Http.Response outside = post("call-alice", "pause", null, bob);
        Http.Response unknown = post("call-nobody", "pause", null, bob);

        assertThat(outside.status()).as(outside.text()).isEqualTo(404);
        assertThat(outside.errorCode()).isEqualTo("not_found");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(outside.json().path("error").path("message").asText().replace("call-alice", "X"))
                .isEqualTo(unknown.json().path("error").path("message").asText().replace("call-nobody", "X"));
        assertThat(f.calls.changes()).isEmpty();
        assertThat(entries("call.pause")).extracting(e -> e.target() + " " + e.outcome())
                .containsExactly("call-alice failed", "call-nobody failed");
    }

    @Test
    void supervisorOfTheAgentsTeam_mayPause_otherTeamsSupervisorGets404() {
        Http.Response other = post("call-alice", "pause", null, f.bearer("sue"));
        Http.Response team = post("call-alice", "pause", null, f.bearer("sam"));

        assertThat(other.status()).as(other.text()).isEqualTo(404);
        assertThat(team.status()).as(team.text()).isEqualTo(200);
        assertThat(f.calls.changes()).containsExactly("pause call-alice api payment sam");
    }

    @Test
    void pauseUnrecordedCall_is409NotRecording_andIsAuditedAsFailed() throws Exception {
        Http.Response r = post("call-bob", "pause", null, f.bearer("bob"));

        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("not_recording");
        assertThat(entries("call.pause")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("call-bob");
            assertThat(e.outcome()).isEqualTo("failed");
        });
    }

    @Test
    void pausePausedCall_is409AlreadyPaused() {
        assertThat(post("call-alice", "pause", null, alice).status()).isEqualTo(200);

        Http.Response again = post("call-alice", "pause", null, alice);

        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("already_paused");
        assertThat(f.calls.changes()).hasSize(1);
    }

    @Test
    void resumeCallThatIsNotPaused_is409NotPaused_andIsAuditedAsFailed() throws Exception {
        Http.Response r = post("call-alice", "resume", null, alice);

        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("not_paused");
        assertThat(entries("call.resume")).extracting(AuditEntry::outcome).containsExactly("failed");
    }

    @Test
    void pauseAsAdmin_is403_auditedAsDenied_andChangesNothing() throws Exception {
        Http.Response r = post("call-alice", "pause", null, f.bearer("ada"));

        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("forbidden");
        assertThat(f.calls.changes()).isEmpty();
        assertThat(entries("call.pause")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.target()).isEqualTo("call-alice");
        });
    }

    @Test
    void pauseWithBlankReason_is422_andChangesNothing() {
        Http.Response r = post("call-alice", "pause", Map.of("reason", " "), alice);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid");
        assertThat(f.calls.changes()).isEmpty();
    }

    @Test
    void pauseWithCardNumberInReason_is422_andNeitherPausesNorAuditsTheDigits() throws Exception {
        Http.Response r = post("call-alice", "pause", Map.of("reason", "card 4111 1111 1111 1111"), alice);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().path("error").path("message").asText()).contains("at most 4 digits");
        assertThat(f.calls.changes()).isEmpty();
        assertThat(f.auditLog()).noneMatch(e -> e.details().contains("4111") || e.target().contains("4111"));
    }

    @Test
    void listLive_showsOnlyTheCallsInScope_andIsAudited() throws Exception {
        List<String> asAlice = labels(f.http.get("/api/v1/calls/live", alice));
        List<String> asSam = labels(f.http.get("/api/v1/calls/live", f.bearer("sam")));
        List<String> asBob = labels(f.http.get("/api/v1/calls/live", f.bearer("bob")));

        assertThat(asAlice).containsExactly("call-alice");
        assertThat(asSam).containsExactly("call-alice");
        assertThat(asBob).containsExactly("call-bob");
        assertThat(entries("call.list")).extracting(e -> e.actor() + " " + e.outcome() + " " + e.details())
                .containsExactly("alice ok 1 live calls", "sam ok 1 live calls", "bob ok 1 live calls");
    }

    private static List<String> labels(Http.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        ApiFixture.items(r).forEach(c -> labels.add(c.path("label").asText()));
        return labels;
    }
}
