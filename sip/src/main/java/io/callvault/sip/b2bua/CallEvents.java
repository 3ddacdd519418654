package io.callvault.sip.b2bua;

import java.time.Instant;

/**
 * What happened to a call, for the call record (parties, direction, timings, disposition). Called from
 * SIP threads; implementations must not block for long.
 */
public interface CallEvents {

    /** Final facts of a call, sent once when the call ends (answered or not). */
    /** @param label the call's label, as given to {@link MediaAnchor#open} in its participants */
    record CallSummary(String label, String callId, String caller, String callerName, String callee, String direction,
                       Instant startedAt, Instant answeredAt, Instant endedAt, String disposition,
                       int finalStatus, String endedBy) {
    }

    void ended(CallSummary summary);

    CallEvents NONE = summary -> { };
}
