package io.callvault.vault.spi;

import io.callvault.core.Direction;
import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one call through callvault, answered or not: who, which way, when it started, was
 * answered and ended, how it ended, and the recording it produced (if any).
 *
 * @param callId      the SIP Call-ID of the caller's leg (the recording carries the same call id)
 * @param disposition answered, busy, no-answer, cancelled, failed
 * @param finalStatus the final SIP status the caller got (200 when answered)
 * @param endedBy     caller, callee, timeout or system
 */
public record CallRecord(String callId, String caller, String callerName, String callee, String calleeName,
                         Direction direction, Instant startedAt, Optional<Instant> answeredAt, Instant endedAt,
                         String disposition, int finalStatus, String endedBy, Optional<RecordingId> recordingId) {
    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(recordingId, "recordingId");
        callerName = callerName == null ? "" : callerName;
        calleeName = calleeName == null ? "" : calleeName;
    }

    /** Talk time: from answer to end, zero if never answered. */
    public long talkMillis() {
        return answeredAt.map(a -> Math.max(0, endedAt.toEpochMilli() - a.toEpochMilli())).orElse(0L);
    }
}
