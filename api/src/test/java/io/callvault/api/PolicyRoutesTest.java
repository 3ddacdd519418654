package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.api.http.Json;
import io.callvault.api.policy.DecisionView;
import io.callvault.policy.CallContext;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.decision.DecisionRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policy/explain and the stored decision in a recording's details, through HTTP over the real services. */
class PolicyRoutesTest {
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

    @Test
    void explain_californiaToGermany_isAllPartyConsentUnderGdpr_withBothReasons() throws Exception {
        Http.Response r = f.http.get("/api/v1/policy/explain?caller=%2B14155550123&callee=%2B4930123456", cora);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.path("format").asInt()).isEqualTo(DecisionView.FORMAT);
        assertThat(d.path("record").asBoolean()).isTrue();
        assertThat(texts(d.path("frameworks"))).containsExactly("GDPR", "US_ALL_PARTY");
        assertThat(d.path("consent").path("mechanism").asText()).isEqualTo("ALL_PARTY_CONSENT");
        assertThat(d.path("inputs").path("direction").asText()).isEqualTo("IN");
        JsonNode caller = d.path("inputs").path("caller");
        assertThat(caller.path("location").path("subdivision").asText()).isEqualTo("US-CA");
        assertThat(caller.path("resolvedBy").asText()).isEqualTo("NANP_AREA_CODE");
        List<String> rules = new ArrayList<>();
        d.path("reasons").forEach(reason -> {
            rules.add(reason.path("rule").asText());
            assertThat(reason.path("origin").asText()).isNotBlank();
            assertThat(reason.path("text").asText()).isNotBlank();
        });
        assertThat(rules).contains("countries.gdpr", "us.all_party_states");
        assertThat(d.path("rulesSha256").asText()).isEqualTo(Policy.builtIn().rules().sha256());
        AuditEntry audited = f.auditLog().getLast();
        assertThat(audited.action()).isEqualTo("policy.explain");
        assertThat(audited.details()).doesNotContain("4155550123").doesNotContain("4930123456");
    }

    @Test
    void explain_fromAPciExtension_usesTheCallSetup_andInfersOutbound() {
        JsonNode d = f.http.get("/api/v1/policy/explain?caller=201&callee=%2B4930123456&lineFlag=hipaa", cora).json();

        assertThat(d.path("inputs").path("direction").asText()).isEqualTo("OUT");
        assertThat(d.path("inputs").path("caller").path("resolvedBy").asText()).isEqualTo("OFFICE_LOCATION");
        assertThat(d.path("inputs").path("caller").path("location").path("subdivision").asText()).isEqualTo("US-CA");
        assertThat(texts(d.path("inputs").path("lineFlags"))).containsExactly("hipaa", "pci");
        assertThat(d.path("flags").path("pciPause").asBoolean()).isTrue();
        assertThat(d.path("flags").path("phi").asBoolean()).isTrue();
    }

    @Test
    void explain_missingCallerOrBadFlagOrDirection_is400NamingTheParameter() {
        Http.Response noCaller = f.http.get("/api/v1/policy/explain?callee=%2B4930123456", cora);
        assertThat(noCaller.status()).isEqualTo(400);
        assertThat(noCaller.text()).contains("caller");
        Http.Response badFlag = f.http.get("/api/v1/policy/explain?caller=201&callee=202&lineFlag=hipa", cora);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.text()).contains("lineFlag", "hipaa, pci");
        Http.Response badDirection = f.http.get("/api/v1/policy/explain?caller=201&callee=202&direction=up", cora);
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat(badDirection.text()).contains("direction");
    }

    @Test
    void recordingDetails_showTheStoredDecision_orNullWithoutOne() throws Exception {
        RecordingRow decided = f.record("alice", "+14155550101", 1);
        RecordingRow imported = f.record("alice", "+14155550102", 1);
        Decision decision = Policy.builtIn().decide(CallContext.of("+14155550101", "+442071838750", "in"));
        String json = Json.MAPPER.writeValueAsString(DecisionView.toMap(decision));
        f.catalog.decisions().put(new DecisionRecord("call-1", decided.id(), ApiFixture.START, decision.rulesVersion(),
                decision.rulesSha256(), true, json, "{\"optOutPressed\":false}", "recorded"));

        JsonNode shown = f.http.get("/api/v1/recordings/" + decided.id(), cora).json().path("decision");
        assertThat(shown.path("callId").asText()).isEqualTo("call-1");
        assertThat(shown.path("outcome").asText()).isEqualTo("recorded");
        assertThat(shown.path("rulesVersion").asText()).isEqualTo(decision.rulesVersion());
        assertThat(shown.path("decision")).isEqualTo(Json.MAPPER.readTree(json));
        assertThat(shown.path("evidence").path("optOutPressed").isBoolean()).isTrue();
        JsonNode none = f.http.get("/api/v1/recordings/" + imported.id(), cora).json();
        assertThat(none.has("decision")).isTrue();
        assertThat(none.path("decision").isNull()).isTrue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
