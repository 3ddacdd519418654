package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.update;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.decision.DecisionRecord;
import io.callvault.vault.spi.decision.DecisionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link DecisionStore} in the catalog's database (table {@code call_decisions}, see V9__decisions.sql);
 * see {@link SqlCatalog#decisions()}. A decision linked to a recording has a foreign key to it and is deleted
 * by {@link Shredding} with the recording's other rows.
 */
final class SqlDecisionStore implements DecisionStore {
    private static final String COLUMNS = "call_id, recording_id, decided_at, rules_version, rules_sha256, recorded, "
            + "decision_json, evidence_json, outcome";
    private static final String UPSERT = "INSERT INTO call_decisions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (call_id) DO UPDATE SET recording_id = excluded.recording_id, "
            + "decided_at = excluded.decided_at, rules_version = excluded.rules_version, "
            + "rules_sha256 = excluded.rules_sha256, recorded = excluded.recorded, "
            + "decision_json = excluded.decision_json, evidence_json = excluded.evidence_json, "
            + "outcome = excluded.outcome";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM call_decisions";

    private final Transactions tx;
    private final Dialect dialect;

    SqlDecisionStore(Transactions tx, Dialect dialect) {
        this.tx = tx;
        this.dialect = dialect;
    }

    /**
     * Locks the linked recording's row first, so a concurrent shred either ran before (not found) or waits
     * for this write and then deletes the decision with the recording.
     */
    @Override
    public void put(DecisionRecord r) throws CatalogException {
        Objects.requireNonNull(r, "record");
        String operation = "store the decision of call " + r.callId();
        tx.run(operation, c -> {
            if (r.recordingId() != null) {
                RowLookups.requireRecording(c, dialect, r.recordingId());
            }
            try {
                update(c, UPSERT, s -> bind(s, r));
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw tx.conflict(operation, "recording " + r.recordingId() + " is linked to the decision of "
                            + "another call already; a recording is made under one decision");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<DecisionRecord> byCall(String callId) throws CatalogException {
        Objects.requireNonNull(callId, "callId");
        return tx.autoCommit("read the decision of call " + callId, c -> first(c, SELECT + " WHERE call_id = ?",
                s -> s.setString(1, callId), SqlDecisionStore::read));
    }

    @Override
    public Optional<DecisionRecord> byRecording(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        return tx.autoCommit("read the decision of recording " + id, c -> first(c,
                SELECT + " WHERE recording_id = ?", s -> dialect.bindId(s, 1, id), SqlDecisionStore::read));
    }

    @Override
    public List<DecisionRecord> recent(int offset, int limit) throws CatalogException {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1..1000, not " + offset + " and "
                    + limit);
        }
        return tx.autoCommit("list recent decisions", c -> query(c, SELECT
                + " ORDER BY decided_at DESC, call_id LIMIT ? OFFSET ?", s -> {
                    s.setInt(1, limit);
                    s.setInt(2, offset);
                }, SqlDecisionStore::read));
    }

    private void bind(PreparedStatement s, DecisionRecord r) throws SQLException {
        s.setString(1, r.callId());
        if (r.recordingId() == null) {
            s.setNull(2, Types.OTHER);
        } else {
            dialect.bindId(s, 2, r.recordingId());
        }
        s.setLong(3, RecordingRows.millis(r.decidedAt()));
        s.setString(4, r.rulesVersion());
        s.setString(5, r.rulesSha256());
        s.setBoolean(6, r.recorded());
        s.setString(7, r.decisionJson());
        s.setString(8, r.evidenceJson());
        s.setString(9, r.outcome());
    }

    private static DecisionRecord read(ResultSet r) throws SQLException {
        String callId = r.getString("call_id");
        String recording = r.getString("recording_id");
        try {
            return new DecisionRecord(callId, recording == null ? null : RecordingRows.id(recording),
                    Instant.ofEpochMilli(r.getLong("decided_at")), r.getString("rules_version"),
                    r.getString("rules_sha256"), r.getBoolean("recorded"), r.getString("decision_json"),
                    r.getString("evidence_json"), r.getString("outcome"));
        } catch (IllegalArgumentException e) {
            throw new SQLException("the decision of call " + callId + " holds a value this version cannot read "
                    + "(edited by hand?): " + e.getMessage(), e);
        }
    }
}
