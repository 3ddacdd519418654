package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.update;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.Tombstone;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The catalog half of crypto-shredding, run inside the caller's transaction: destroy the wrapped data
 * key and every row holding personal data (tags, segments, the recording decision with the parties'
 * numbers), and leave a tombstone. The deletes run children first, so
 * the foreign keys (which do not cascade) prove that nothing was forgotten.
 */
final class Shredding {
    private static final List<String> DELETES = List.of(
            "DELETE FROM call_decisions WHERE recording_id = ?",
            "DELETE FROM data_keys WHERE recording_id = ?",
            "DELETE FROM recording_tags WHERE recording_id = ?",
            "DELETE FROM recording_segments WHERE recording_id = ?",
            "DELETE FROM recordings WHERE id = ?");

    /** @param shreddedNow false when the tombstone was there already (an idempotent repeat) */
    record Outcome(Tombstone tombstone, boolean shreddedNow) {
    }

    private Shredding() {
    }

    static Outcome shred(Connection c, Dialect dialect, Tombstone tombstone)
            throws SQLException, RecordingNotFoundException {
        RecordingId id = tombstone.id();
        if (!RowLookups.lockRecording(c, dialect, id)) {
            // Shredded before, possibly by a concurrent call this one just waited for; or never created.
            return RowLookups.tombstone(c, dialect, id).map(existing -> new Outcome(existing, false))
                    .orElseThrow(() -> new RecordingNotFoundException(id));
        }
        for (String delete : DELETES) {
            update(c, delete, s -> dialect.bindId(s, 1, id));
        }
        update(c, "INSERT INTO tombstones (id, deleted_at, reason, deleted_by) VALUES (?, ?, ?, ?)", s -> {
            dialect.bindId(s, 1, id);
            s.setLong(2, RecordingRows.millis(tombstone.deletedAt()));
            s.setString(3, tombstone.reason());
            s.setString(4, tombstone.deletedBy());
        });
        return new Outcome(tombstone, true);
    }
}
