package io.callvault.vault.spi.decision;

import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The recording decision the policy made for one call, kept so that it can be shown and proven later: which
 * rules (version and hash) applied, what they decided, and what happened (the consent evidence gathered
 * during the announcement and the outcome). Every call that reached the policy has one, recorded or not.
 * Holds the parties' phone numbers inside {@code decisionJson}: personal data, removed with its recording.
 *
 * @param callId       the SIP Call-ID of the caller's leg (the recording and the call log carry the same);
 *                     the key of the record
 * @param recordingId  the recording made under this decision; null while none exists and for calls that
 *                     were not recorded
 * @param decidedAt    when the policy decided
 * @param rulesVersion the rule files' version ({@code 2025.1+acme-3})
 * @param rulesSha256  the rule files' hash: 64 lower-case hex digits
 * @param recorded     whether the call was, in the end, recorded
 * @param decisionJson the decision as a JSON object, as the server rendered it; stored and returned verbatim
 * @param evidenceJson what the announcement established (played to whom, opt-out pressed, interrupted), as a
 *                     JSON object; null until the announcement ended, or when there was none
 * @param outcome      how the call ended up, a lower-case word: e.g. {@code recorded}, {@code not_required},
 *                     {@code opted_out}, {@code announcement_interrupted}, {@code not_recorded_by_rule}
 */
public record DecisionRecord(String callId, RecordingId recordingId, Instant decidedAt, String rulesVersion,
                             String rulesSha256, boolean recorded, String decisionJson, String evidenceJson,
                             String outcome) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public DecisionRecord {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a decision needs the call's Call-ID");
        }
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (rulesVersion == null || rulesVersion.isBlank()) {
            throw new IllegalArgumentException("a decision needs the rules version it was made under");
        }
        if (rulesSha256 == null || !SHA256.matcher(rulesSha256).matches()) {
            throw new IllegalArgumentException("rulesSha256 must be 64 lower-case hex digits, not '" + rulesSha256 + "'");
        }
        requireObject(Objects.requireNonNull(decisionJson, "decisionJson"), "decisionJson");
        if (evidenceJson != null) {
            requireObject(evidenceJson, "evidenceJson");
        }
        if (outcome == null || !OUTCOME.matcher(outcome).matches()) {
            throw new IllegalArgumentException("outcome must be a lower-case word of a-z 0-9 _ (e.g. recorded, "
                    + "opted_out), not '" + outcome + "'");
        }
    }

    /** The same decision, linked to the recording made under it (null to unlink). */
    public DecisionRecord withRecordingId(RecordingId id) {
        return new DecisionRecord(callId, id, decidedAt, rulesVersion, rulesSha256, recorded, decisionJson,
                evidenceJson, outcome);
    }

    /**
     * The same decision with what happened after it.
     *
     * @param evidence a JSON object, or null when there is no evidence
     */
    public DecisionRecord withOutcome(boolean wasRecorded, String newOutcome, String evidence) {
        return new DecisionRecord(callId, recordingId, decidedAt, rulesVersion, rulesSha256, wasRecorded,
                decisionJson, evidence, newOutcome);
    }

    /** Only the outer form is checked (a full parse is the writer's job): the text is one JSON object. */
    private static void requireObject(String json, String name) {
        String t = json.strip();
        if (t.length() < 2 || t.charAt(0) != '{' || t.charAt(t.length() - 1) != '}') {
            throw new IllegalArgumentException(name + " must be a JSON object ({...})");
        }
    }

    /** Without the JSON bodies, which hold phone numbers. */
    @Override
    public String toString() {
        return "DecisionRecord[callId=" + callId + ", recordingId=" + recordingId + ", decidedAt=" + decidedAt
                + ", rules=" + rulesVersion + ", recorded=" + recorded + ", outcome=" + outcome + "]";
    }
}
