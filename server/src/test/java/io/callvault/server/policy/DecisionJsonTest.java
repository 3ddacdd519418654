package io.callvault.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.policy.CallContext;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.policy.RecordPreference;
import io.callvault.policy.jurisdiction.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stored JSON form of decisions: every field, a fixed key order, and back to a map for embedding. */
class DecisionJsonTest {
    private static final Policy POLICY = Policy.builtIn();

    private static Decision californiaToGermany() {
        return POLICY.decide(CallContext.of("+14155550123", "+4930123456", "out"));
    }

    @Test
    void toJson_californiaToGermany_holdsEveryFieldInAFixedOrder() {
        Map<String, Object> m = DecisionJson.toMap(DecisionJson.toJson(californiaToGermany()));

        assertThat(m.keySet()).containsExactly("format", "record", "announceTo", "announcementLanguage", "consent",
                "frameworks", "lawfulBasis", "retention", "flags", "phiRoles", "warnings", "inputs", "rulesVersion",
                "rulesSha256", "reasons");
        assertThat(m).containsEntry("format", 2).containsEntry("record", true).containsEntry("announcementLanguage", "de")
                .containsEntry("frameworks", List.of("GDPR", "US_ALL_PARTY"))
                .containsEntry("consent", Map.of("mechanism", "ALL_PARTY_CONSENT", "optOutKey", "9"))
                .containsEntry("lawfulBasis", Map.of("basis", "legitimate_interests", "article", "Art. 6(1)(f)"))
                .containsEntry("flags", Map.of("phi", false, "pciPause", false))
                .containsEntry("rulesVersion", POLICY.rules().version())
                .containsEntry("rulesSha256", POLICY.rules().sha256());
        assertThat(map(m.get("retention"))).containsOnlyKeys("class", "days");
        Map<String, Object> inputs = map(m.get("inputs"));
        assertThat(inputs.keySet()).containsExactly("caller", "callee", "direction", "lineFlags", "recordPreference",
                "purpose", "externalBlobStore", "baaRecorded");
        Map<String, Object> caller = map(inputs.get("caller"));
        assertThat(caller).containsEntry("number", "+14155550123").containsEntry("extension", false)
                .containsEntry("resolvedBy", "NANP_AREA_CODE");
        assertThat(map(caller.get("location"))).containsEntry("country", "US").containsEntry("subdivision", "US-CA");
        assertThat(map(map(inputs.get("callee")).get("location"))).containsEntry("country", "DE")
                .containsEntry("subdivision", null);
        List<?> reasons = (List<?>) m.get("reasons");
        assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(map(r)).containsOnlyKeys("rule", "origin", "text"));
        assertThat(reasons).extracting(r -> map(r).get("rule")).contains("countries.gdpr", "us.all_party_states");
    }

    @Test
    void toJson_sameDecisionTwice_isTheSameText_andParsesBackToItsMap() {
        String first = DecisionJson.toJson(californiaToGermany());
        assertThat(DecisionJson.toJson(californiaToGermany())).isEqualTo(first);
        assertThat(first).startsWith("{\"format\":2,\"record\":true,\"announceTo\":\"CALLEE\","
                + "\"announcementLanguage\":\"de\",");
        assertThat(DecisionJson.toMap(first)).isEqualTo(DecisionJson.toMap(californiaToGermany()));
    }

    @Test
    void toJson_hipaaLineOnExternalStoreWithoutBaa_carriesFlagsRolesAndTheWarning() {
        Decision d = POLICY.decide(CallContext.of("+4930123456", "2100", "in").withLineFlags(Set.of("hipaa"))
                .withOfficeLocation(Location.parse("US-CA")).withBlobStore(true, false));
        Map<String, Object> m = DecisionJson.toMap(DecisionJson.toJson(d));

        assertThat(m.get("frameworks")).isEqualTo(List.of("GDPR", "US_ALL_PARTY", "HIPAA"));
        assertThat(m).containsEntry("flags", Map.of("phi", true, "pciPause", false))
                .containsEntry("phiRoles", List.copyOf(POLICY.rules().phiRoles()));
        assertThat((List<?>) m.get("warnings")).hasSize(d.warnings().size()).anySatisfy(w ->
                assertThat(w.toString()).contains("business associate agreement"));
        Map<String, Object> inputs = map(m.get("inputs"));
        assertThat(inputs).containsEntry("lineFlags", List.of("hipaa")).containsEntry("externalBlobStore", true)
                .containsEntry("baaRecorded", false);
        assertThat(map(inputs.get("callee"))).containsEntry("extension", true)
                .containsEntry("resolvedBy", "OFFICE_LOCATION");
    }

    @Test
    void toJson_refusedByRecordPreference_hasNoAnnouncementNorOptOutKey() {
        Decision d = POLICY.decide(CallContext.of("+14155550123", "+14155550199", "in")
                .withRecordPreference(RecordPreference.OFF));
        Map<String, Object> m = DecisionJson.toMap(DecisionJson.toJson(d));

        assertThat(m).containsEntry("record", false).containsEntry("announceTo", "NONE")
                .containsEntry("lawfulBasis", nullable("basis", "not_applicable", "article", null));
        assertThat(map(m.get("consent"))).containsEntry("optOutKey", null);
        assertThat(map(m.get("inputs"))).containsEntry("recordPreference", "OFF");
    }

    @Test
    void toMap_textThatIsNotAnObject_isRefused() {
        assertThatThrownBy(() -> DecisionJson.toMap("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionJson.toMap("{\"record\": tru")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionJson.toMap("null")).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
