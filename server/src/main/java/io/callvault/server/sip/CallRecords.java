package io.callvault.server.sip;

import io.callvault.core.Direction;
import io.callvault.sip.b2bua.CallEvents;
import io.callvault.vault.spi.CallLog;
import io.callvault.vault.spi.CallRecord;
import io.callvault.vault.spi.CatalogException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns each ended call into a {@link CallRecord} in the catalog, linked to its recording if one was made. */
final class CallRecords implements CallEvents {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecords.class);

    private final CallLog log;
    private final RecordingMediaAnchor anchor;

    CallRecords(CallLog log, RecordingMediaAnchor anchor) {
        this.log = log;
        this.anchor = anchor;
    }

    @Override
    public void ended(CallSummary s) {
        CallRecord record = new CallRecord(s.callId(), s.caller(), s.callerName(), s.callee(), "", direction(s),
                s.startedAt(), Optional.ofNullable(s.answeredAt()), s.endedAt(), s.disposition(), s.finalStatus(),
                s.endedBy(), anchor.takeRecording(s.label())).withAlerts(anchor.takeAlerts(s.label()));
        try {
            log.add(record);
        } catch (CatalogException e) {
            LOG.error("Call record of {} could not be stored: {}", s.callId(), e.getMessage());
        }
        LOG.info("Call {} {} -> {}: {} ({}), ended by {}{}{}", s.label(), s.caller(), s.callee(), s.disposition(),
                s.finalStatus(), s.endedBy(), record.recordingId().map(r -> ", recording " + r).orElse(""),
                record.alerts().isEmpty() ? "" : ", ALERTS: " + String.join("; ", record.alerts()));
    }

    static Direction direction(CallSummary s) {
        return Direction.parse(s.direction());
    }
}
