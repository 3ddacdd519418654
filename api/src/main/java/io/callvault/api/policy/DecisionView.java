package io.callvault.api.policy;

import io.callvault.policy.Decision;
import io.callvault.policy.DecisionInputs;
import io.callvault.policy.Reason;
import io.callvault.policy.jurisdiction.Location;
import io.callvault.policy.jurisdiction.ResolvedParty;
import io.callvault.policy.rules.LawfulBasis;
import io.callvault.policy.rules.LineFlag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of a policy {@link Decision}, shared by the API ({@code policy/explain}), the CLI and the
 * decisions the server stores: an ordered map of JSON-ready values (maps, lists, strings, numbers, booleans,
 * null) with every field of the decision. Stable: keys and their order change only with {@link #FORMAT}, so
 * stored decisions stay comparable. Enum constants are written by name ({@code ALL_PARTY_CONSENT},
 * {@code NANP_AREA_CODE}); what the rule file writes in lower case (lawful basis, line flags, roles,
 * purpose, retention class) as the rule file writes it.
 *
 * <pre>
 * {"format": 2, "record": true, "announceTo": "CALLER", "announcementLanguage": "de",
 *  "consent": {"mechanism": "ALL_PARTY_CONSENT", "optOutKey": "9"},
 *  "frameworks": ["GDPR", "US_ALL_PARTY"],
 *  "lawfulBasis": {"basis": "legitimate_interests", "article": "Art. 6(1)(f)"},
 *  "retention": {"class": "standard", "days": 365}, "flags": {"phi": false, "pciPause": false},
 *  "phiRoles": [], "warnings": [],
 *  "inputs": {"caller": {"number": "+4930123456", "extension": false,
 *                        "location": {"country": "DE", "subdivision": null},
 *                        "resolvedBy": "E164_REGION", "detail": "…"},
 *             "callee": {…}, "direction": "IN", "lineFlags": ["hipaa"], "recordPreference": "NO_PREFERENCE",
 *             "purpose": "quality", "externalBlobStore": false, "baaRecorded": false},
 *  "rulesVersion": "2025.1", "rulesSha256": "5916e83b…",
 *  "reasons": [{"rule": "countries.gdpr", "origin": "default-rules.conf:33", "text": "…"}]}
 * </pre>
 * An unknown location is country {@code ZZ} without subdivision; a lawful basis of {@code not_applicable}
 * has a null article; no opt-out key is null. Pure and thread-safe.
 */
public final class DecisionView {
    /**
     * The version of this layout, written as {@code "format"}: 1 before decisions named the announcement's
     * language, 2 with {@code announcementLanguage}. Stored decisions keep the format they were written in.
     */
    public static final int FORMAT = 2;

    private DecisionView() {
    }

    /** The decision as an ordered map; a new map on each call, which the caller may change. */
    public static Map<String, Object> toMap(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("record", d.record());
        m.put("announceTo", d.announceTo().name());
        m.put("announcementLanguage", d.announcementLanguage());
        m.put("consent", object("mechanism", d.consent().mechanism().name(),
                "optOutKey", d.consent().optOutKey().orElse(null)));
        m.put("frameworks", d.frameworks().stream().map(Enum::name).toList());
        m.put("lawfulBasis", object("basis", d.lawfulBasis().id(),
                "article", d.lawfulBasis() == LawfulBasis.NOT_APPLICABLE ? null : d.lawfulBasis().article()));
        m.put("retention", object("class", d.retention().retentionClass(), "days", d.retention().days()));
        m.put("flags", object("phi", d.flags().phi(), "pciPause", d.flags().pciPause()));
        m.put("phiRoles", List.copyOf(d.phiRoles()));
        m.put("warnings", d.warnings());
        m.put("inputs", inputs(d.inputs()));
        m.put("rulesVersion", d.rulesVersion());
        m.put("rulesSha256", d.rulesSha256());
        m.put("reasons", d.reasons().stream().map(DecisionView::reason).toList());
        return m;
    }

    private static Map<String, Object> inputs(DecisionInputs in) {
        return object("caller", party(in.caller()), "callee", party(in.callee()), "direction", in.direction().name(),
                "lineFlags", in.lineFlags().stream().map(LineFlag::id).toList(),
                "recordPreference", in.recordPreference().name(), "purpose", in.purpose(),
                "externalBlobStore", in.externalBlobStore(), "baaRecorded", in.baaRecorded());
    }

    private static Map<String, Object> party(ResolvedParty p) {
        Location l = p.location();
        return object("number", p.number().e164(), "extension", p.isExtension(),
                "location", object("country", l.country(), "subdivision", l.subdivision()),
                "resolvedBy", p.how().name(), "detail", p.detail());
    }

    private static Map<String, Object> reason(Reason r) {
        return object("rule", r.rule(), "origin", r.origin(), "text", r.text());
    }

    /** An ordered map from alternating keys and values (values may be null). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
