package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.update;

import io.callvault.core.Direction;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CallLog;
import io.callvault.vault.spi.CallRecord;
import io.callvault.vault.spi.CatalogException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link CallLog} in the catalog's database (table {@code calls}); see {@link SqlCatalog#callLog()}. */
final class SqlCallLog implements CallLog {
    private static final String COLUMNS = "call_id, caller, caller_name, callee, callee_name, direction, started_at, "
            + "answered_at, ended_at, disposition, final_status, ended_by, recording_id, alerts";

    private final Transactions tx;

    SqlCallLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(CallRecord c) throws CatalogException {
        tx.run("record call " + c.callId(), conn -> update(conn, "INSERT INTO calls (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> bind(s, c)));
    }

    @Override
    public List<CallRecord> recent(int offset, int limit) throws CatalogException {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new IllegalArgumentException("limit must be 1..1000 and offset >= 0");
        }
        return tx.autoCommit("list calls", conn -> query(conn, "SELECT " + COLUMNS
                + " FROM calls ORDER BY started_at DESC, seq DESC LIMIT ? OFFSET ?", s -> {
                    s.setInt(1, limit);
                    s.setInt(2, offset);
                }, SqlCallLog::read));
    }

    @Override
    public List<CallRecord> byCallId(String callId) throws CatalogException {
        return tx.autoCommit("find call " + callId, conn -> query(conn, "SELECT " + COLUMNS
                + " FROM calls WHERE call_id = ? ORDER BY seq", s -> s.setString(1, callId), SqlCallLog::read));
    }

    private static void bind(PreparedStatement s, CallRecord c) throws SQLException {
        s.setString(1, c.callId());
        s.setString(2, c.caller());
        s.setString(3, c.callerName());
        s.setString(4, c.callee());
        s.setString(5, c.calleeName());
        s.setString(6, c.direction().name());
        s.setLong(7, c.startedAt().toEpochMilli());
        if (c.answeredAt().isPresent()) {
            s.setLong(8, c.answeredAt().get().toEpochMilli());
        } else {
            s.setNull(8, Types.BIGINT);
        }
        s.setLong(9, c.endedAt().toEpochMilli());
        s.setString(10, c.disposition());
        s.setInt(11, c.finalStatus());
        s.setString(12, c.endedBy());
        s.setString(13, c.recordingId().map(RecordingId::toString).orElse(null));
        s.setString(14, String.join("\n", c.alerts()));
    }

    private static CallRecord read(ResultSet r) throws SQLException {
        long answered = r.getLong("answered_at");
        Optional<Instant> answeredAt = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(answered));
        String rec = r.getString("recording_id");
        return new CallRecord(r.getString("call_id"), r.getString("caller"), r.getString("caller_name"),
                r.getString("callee"), r.getString("callee_name"), Direction.valueOf(r.getString("direction")),
                Instant.ofEpochMilli(r.getLong("started_at")), answeredAt, Instant.ofEpochMilli(r.getLong("ended_at")),
                r.getString("disposition"), r.getInt("final_status"), r.getString("ended_by"),
                rec == null ? Optional.empty() : Optional.of(RecordingId.parse(rec)),
                r.getString("alerts").isEmpty() ? List.of() : List.of(r.getString("alerts").split("\n")));
    }
}
