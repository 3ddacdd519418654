package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.SegmentKind;
import io.callvault.vault.spi.Tombstone;
import io.callvault.vault.spi.WrappedKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Small lookups shared by several operations, and readers for the tables other than recordings. */
final class RowLookups {
    private RowLookups() {
    }

    static Optional<Tombstone> tombstone(Connection c, Dialect dialect, RecordingId id) throws SQLException {
        return first(c, "SELECT id, deleted_at, reason, deleted_by FROM tombstones WHERE id = ?",
                s -> dialect.bindId(s, 1, id), RowLookups::tombstone);
    }

    /**
     * Locks the recording's row until the transaction ends (PostgreSQL; SQLite's single writer needs no
     * lock), so that a concurrent shred waits for this write or this write sees the shred.
     *
     * @return whether the recording exists
     */
    static boolean lockRecording(Connection c, Dialect dialect, RecordingId id) throws SQLException {
        return first(c, "SELECT id FROM recordings WHERE id = ?" + dialect.lockRow(),
                s -> dialect.bindId(s, 1, id), r -> Boolean.TRUE).isPresent();
    }

    static void requireRecording(Connection c, Dialect dialect, RecordingId id)
            throws SQLException, RecordingNotFoundException {
        if (!lockRecording(c, dialect, id)) {
            throw new RecordingNotFoundException(id);
        }
    }

    static Tombstone tombstone(ResultSet r) throws SQLException {
        return new Tombstone(RecordingRows.id(r.getString("id")), Instant.ofEpochMilli(r.getLong("deleted_at")),
                r.getString("reason"), r.getString("deleted_by"));
    }

    static WrappedKey wrappedKey(ResultSet r) throws SQLException {
        return new WrappedKey(r.getString("kek_id"), r.getBytes("wrapped"));
    }

    /** A segment, or empty for the row a recording without segments yields in an outer join. */
    static Optional<Segment> segment(ResultSet r) throws SQLException {
        long start = r.getLong("start_ms");
        if (r.wasNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Segment(start, r.getLong("end_ms"), SegmentKind.valueOf(r.getString("kind")),
                    r.getString("reason")));
        } catch (IllegalArgumentException e) {
            throw new SQLException("a segment holds a value this version cannot read (written by a newer "
                    + "callvault?): " + e.getMessage(), e);
        }
    }
}
