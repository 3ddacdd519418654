package io.callvault.server.sip;

import io.callvault.core.RecordingId;
import io.callvault.media.announce.AnnouncementEvidence;
import io.callvault.media.relay.Leg;
import io.callvault.policy.Decision;
import io.callvault.server.policy.DecisionJson;
import io.callvault.vault.spi.decision.DecisionRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consent side of one call: the policy's decision, what happened with the announcement, and the
 * resulting outcome, written as the call's {@link DecisionRecord} — once when the call is set up (outcome
 * {@code pending}), again when its recording starts (linked to it), and finally when it ends. Thread-safe:
 * the media, SIP and recorder threads all report here.
 *
 * <p>Outcomes: {@code recorded}, {@code not_recorded_by_rule}, {@code opted_out},
 * {@code announcement_interrupted} (hung up before the whole prompt was heard; nothing recorded),
 * {@code not_answered}, {@code recording_failed}, {@code pending} (only while the call lasts; a crash
 * leaves it so).
 */
final class CallConsent {
    private final CallPolicy policy;
    private final String callId;
    private final Instant decidedAt;
    private Decision decision;
    /** {@link #decision} as JSON, rendered once per decision (the record is stored up to three times). */
    private String decisionJson;
    /** Each announcement played on this call, in order (an inbound call may have one before ringing and one at answer). */
    private final java.util.List<AnnouncementEvidence> evidence = new java.util.ArrayList<>();
    private RecordingId recordingId;
    private String outcome = "pending";
    /** The record of the part before a transfer, for the part after it; null otherwise. */
    private final String transferredFrom;
    /** Set when a transfer ended this part: when, which side was replaced and the next part's record. */
    private Map<String, Object> transfer;

    /**
     * @param key             the record's key: the SIP Call-ID, and for the part of a call after its n-th
     *                        transfer {@code <Call-ID>;transfer=<n>}
     * @param transferredFrom the key of the part before the transfer; null for a call's first part
     */
    CallConsent(CallPolicy policy, String key, Decision decision, Instant decidedAt, String transferredFrom) {
        this.policy = policy;
        this.callId = key;
        this.decision = decision;
        this.decisionJson = DecisionJson.toJson(decision);
        this.decidedAt = decidedAt;
        this.transferredFrom = transferredFrom;
        store();
    }

    String key() {
        return callId;
    }

    /** A transfer ended this part: the party on {@code replaced} (caller or callee) left; {@code next} goes on. */
    synchronized void transferred(Instant at, String replaced, String next) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("at", at.toString());
        t.put("replaced", replaced);
        t.put("continuedAs", next);
        transfer = t;
    }

    synchronized Decision decision() {
        return decision;
    }

    /** The decision made again with facts known only at answer (a softphone's recording preference). */
    synchronized void redecided(Decision newer) {
        decision = newer;
        decisionJson = DecisionJson.toJson(newer);
    }

    /** An announcement ended (completed, declined or cut); reporting the same one again replaces it. */
    synchronized void announcementEnded(AnnouncementEvidence what) {
        evidence.removeIf(e -> e.startedAt() != null && e.startedAt().equals(what.startedAt())
                && e.legs().equals(what.legs()));
        evidence.add(what);
    }

    synchronized void recordingStarted(RecordingId id) {
        recordingId = id;
        store();
    }

    /** The recording was shredded (opt-out) or never kept: the record no longer points at it. */
    synchronized void recordingDropped() {
        recordingId = null;
    }

    synchronized void outcome(String value) {
        outcome = value;
    }

    synchronized String outcome() {
        return outcome;
    }

    /** Writes the final record. */
    synchronized void finish() {
        store();
    }

    private void store() {
        boolean recorded = recordingId != null && outcome.equals("recorded");
        boolean none = evidence.isEmpty() && transferredFrom == null && transfer == null;
        policy.store(new DecisionRecord(callId, recordingId, decidedAt, decision.rulesVersion(), decision.rulesSha256(),
                recorded, decisionJson,
                none ? null : evidenceJson(evidence, transferredFrom, transfer), outcome));
    }

    /** The consent evidence: {"announcements":[…]}, each with its prompt (id and hash), legs, start and end. */
    static String evidenceJson(java.util.List<AnnouncementEvidence> all) {
        return evidenceJson(all, null, null);
    }

    /**
     * The consent evidence of one part of a call: its announcements, and where a transfer joined it to the
     * part before ({@code transferredFrom}) or after ({@code transfer}: at, replaced, continuedAs).
     */
    static String evidenceJson(java.util.List<AnnouncementEvidence> all, String transferredFrom,
                               Map<String, Object> transfer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("announcements", all.stream().map(CallConsent::evidence).toList());
        if (transferredFrom != null) {
            m.put("transferredFrom", transferredFrom);
        }
        if (transfer != null) {
            m.put("transfer", transfer);
        }
        return DecisionJson.write(m);
    }

    private static Map<String, Object> evidence(AnnouncementEvidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("promptId", e.promptId());
        m.put("promptSha256", e.promptSha256());
        m.put("promptSamples", e.promptSamples());
        m.put("legs", e.legs().stream().map(CallConsent::party).sorted().toList());
        m.put("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
        m.put("endedAt", e.endedAt() == null ? null : e.endedAt().toString());
        Map<String, Object> played = new TreeMap<>();
        e.samplesPlayed().forEach((leg, n) -> played.put(party(leg), n));
        m.put("samplesPlayed", played);
        m.put("completed", e.completed());
        m.put("optOutBy", e.optOutLeg() == null ? null : party(e.optOutLeg()));
        m.put("optOutAt", e.optOutAt() == null ? null : e.optOutAt().toString());
        return m;
    }

    private static String party(Leg leg) {
        return leg == Leg.A ? "caller" : "callee";
    }
}
