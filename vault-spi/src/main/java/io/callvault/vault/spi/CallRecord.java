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
 * @param alerts      things an operator must look at, e.g. a recording paused longer than allowed; empty when
 *                    none; one line each, never containing keyed digits
 */
public record CallRecord(String callId, String caller, String callerName, String callee, String calleeName,
                         Direction direction, Instant startedAt, Optional<Instant> answeredAt, Instant endedAt,
                         String disposition, int finalStatus, String endedBy, Optional<RecordingId> recordingId,
                         java.util.List<String> alerts) {
    /** A record without alerts. */
    public CallRecord(String callId, String caller, String callerName, String callee, String calleeName,
                      Direction direction, Instant startedAt, Optional<Instant> answeredAt, Instant endedAt,
                      String disposition, int finalStatus, String endedBy, Optional<RecordingId> recordingId) {
        this(callId, caller, callerName, callee, calleeName, direction, startedAt, answeredAt, endedAt, disposition,
                finalStatus, endedBy, recordingId, java.util.List.of());
    }

    public CallRecord {
        alerts = java.util.List.copyOf(alerts == null ? java.util.List.of() : alerts);
        for (String a : alerts) {
            if (a.isBlank() || a.contains("\n")) {
                throw new IllegalArgumentException("an alert is one non-empty line");
            }
        }
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

    public CallRecord withAlerts(java.util.List<String> newAlerts) {
        return new CallRecord(callId, caller, callerName, callee, calleeName, direction, startedAt, answeredAt,
                endedAt, disposition, finalStatus, endedBy, recordingId, newAlerts);
    }

    /** Talk time: from answer to end, zero if never answered. */
    public long talkMillis() {
        return answeredAt.map(a -> Math.max(0, endedAt.toEpochMilli() - a.toEpochMilli())).orElse(0L);
    }
}
