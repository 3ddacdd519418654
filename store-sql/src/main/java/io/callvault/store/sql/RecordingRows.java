package io.callvault.store.sql;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Maps a {@link RecordingRow} to the columns of {@code recordings} and back. Tags live in
 * {@code recording_tags} and are added by the caller. Instants are stored as epoch milliseconds, so
 * anything finer than a millisecond is dropped on the way in.
 */
final class RecordingRows {
    private RecordingRows() {
    }

    /** The columns of {@code recordings}, in the order {@link #bindInsert} binds them. */
    static final String COLUMNS = "id, call_id, caller_number, caller_name, callee_number, callee_name, "
            + "direction, agent, started_at, ended_at, duration_ms, encoding, sample_rate, channels, "
            + "plaintext_bytes, ciphertext_bytes, plaintext_sha256, blob_key, format_version, state, "
            + "state_reason";

    static final String INSERT = "INSERT INTO recordings (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bindInsert(PreparedStatement s, Dialect dialect, RecordingRow row) throws SQLException {
        dialect.bindId(s, 1, row.id());
        s.setString(2, row.callId());
        s.setString(3, row.caller().number().e164());
        s.setString(4, row.caller().displayName());
        s.setString(5, row.callee().number().e164());
        s.setString(6, row.callee().displayName());
        s.setString(7, row.direction().name());
        s.setString(8, row.agent());
        s.setLong(9, millis(row.startedAt()));
        setMillisOrNull(s, 10, row.endedAt());
        s.setLong(11, row.durationMillis());
        s.setString(12, row.format().encoding().name());
        s.setInt(13, row.format().sampleRate());
        s.setInt(14, row.format().channels());
        s.setLong(15, row.plaintextBytes());
        s.setLong(16, row.ciphertextBytes());
        s.setString(17, row.plaintextSha256());
        s.setString(18, row.blobKey());
        s.setInt(19, row.formatVersion());
        s.setString(20, row.state().name());
        s.setString(21, row.stateReason());
    }

    /**
     * Reads the current result row's {@link #COLUMNS} (by name, so a query may select more).
     *
     * @throws SQLException if a stored value is not one this version understands (an unknown enum name)
     */
    static RecordingRow read(ResultSet rs, Map<String, String> tags) throws SQLException {
        try {
            long endedAt = rs.getLong("ended_at");
            Instant ended = rs.wasNull() ? null : Instant.ofEpochMilli(endedAt);
            return new RecordingRow(
                    id(rs.getString("id")), rs.getString("call_id"),
                    new Party(new PhoneNumber(rs.getString("caller_number")), rs.getString("caller_name")),
                    new Party(new PhoneNumber(rs.getString("callee_number")), rs.getString("callee_name")),
                    Direction.valueOf(rs.getString("direction")), rs.getString("agent"),
                    Instant.ofEpochMilli(rs.getLong("started_at")), ended, rs.getLong("duration_ms"),
                    new AudioFormat(AudioEncoding.valueOf(rs.getString("encoding")), rs.getInt("sample_rate"),
                            rs.getInt("channels")),
                    rs.getLong("plaintext_bytes"), rs.getLong("ciphertext_bytes"), rs.getString("plaintext_sha256"),
                    rs.getString("blob_key"), rs.getInt("format_version"),
                    RecordingState.valueOf(rs.getString("state")), rs.getString("state_reason"), tags);
        } catch (IllegalArgumentException e) {
            throw new SQLException("recording " + rs.getString("id") + " holds a value this version cannot "
                    + "read (written by a newer callvault?): " + e.getMessage(), e);
        }
    }

    /**
     * Reads rows of {@link #COLUMNS} joined with {@code tag_key, tag_value} (null when a recording has
     * no tags), all rows of one recording adjacent, into recordings with their tags, in result order.
     */
    static List<RecordingRow> readWithTags(ResultSet rs) throws SQLException {
        List<RecordingRow> rows = new ArrayList<>();
        RecordingRow current = null;
        Map<String, String> tags = new TreeMap<>();
        while (rs.next()) {
            RecordingId id = id(rs.getString("id"));
            if (current == null || !current.id().equals(id)) {
                if (current != null) {
                    rows.add(current.withTags(tags));
                }
                current = read(rs, Map.of());
                tags = new TreeMap<>();
            }
            String key = rs.getString("tag_key");
            if (key != null) {
                tags.put(key, rs.getString("tag_value"));
            }
        }
        if (current != null) {
            rows.add(current.withTags(tags));
        }
        return rows;
    }

    static RecordingId id(String text) {
        return new RecordingId(UUID.fromString(text));
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static void setMillisOrNull(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, millis(instant));
        }
    }
}
