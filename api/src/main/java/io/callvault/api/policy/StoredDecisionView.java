package io.callvault.api.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.api.http.Json;
import io.callvault.vault.spi.decision.DecisionRecord;
import java.time.Instant;

/**
 * A stored recording decision as the API shows it (in a recording's details): the record's facts, the
 * decision in the {@link DecisionView} form and the consent evidence, both as the server stored them.
 *
 * @param evidence null until the announcement ended, or when there was none
 */
public record StoredDecisionView(String callId, Instant decidedAt, boolean recorded, String outcome,
                                 String rulesVersion, String rulesSha256, JsonNode decision, JsonNode evidence) {

    /** @throws IllegalStateException if the stored JSON does not parse (the catalog was edited by hand) */
    public static StoredDecisionView of(DecisionRecord r) {
        return new StoredDecisionView(r.callId(), r.decidedAt(), r.recorded(), r.outcome(), r.rulesVersion(),
                r.rulesSha256(), parse(r, r.decisionJson()), r.evidenceJson() == null ? null : parse(r, r.evidenceJson()));
    }

    private static JsonNode parse(DecisionRecord r, String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored decision of call " + r.callId() + " is not valid JSON "
                    + "(edited by hand?): " + e.getOriginalMessage(), e);
        }
    }
}
