package io.callvault.store.sql;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.RecordingQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single statement that answers a {@link RecordingQuery}: the page of matching recordings, joined
 * with their tags. One statement, so the rows and their tags come from one snapshot (the SPI's
 * atomicity) in one round trip. Rows arrive newest first, then by id, then by tag key, so all tags of a
 * recording are adjacent. Criteria are bound as parameters, never spliced into the text; the agent and
 * id sets are bound as one parameter each ({@link Dialect#inSet}), whatever their size.
 */
record SearchSql(String sql, List<Object> parameters, Dialect dialect) {

    /** A set of texts bound with {@link Dialect#bindTexts}. */
    private record Texts(Set<String> values) {
    }

    /** A set of ids bound with {@link Dialect#bindIds}. */
    private record Ids(Set<RecordingId> values) {
    }

    SearchSql {
        parameters = List.copyOf(parameters);
    }

    static SearchSql of(RecordingQuery query, Dialect dialect) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.party() != null) {
            where.append(" AND (r.caller_number = ? OR r.callee_number = ?)");
            parameters.add(query.party().e164());
            parameters.add(query.party().e164());
        }
        if (query.since() != null) {
            where.append(" AND r.started_at >= ?");
            parameters.add(RecordingRows.millis(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND r.started_at < ?");
            parameters.add(RecordingRows.millis(query.until()));
        }
        if (query.state() != null) {
            where.append(" AND r.state = ?");
            parameters.add(query.state().name());
        }
        for (Map.Entry<String, String> tag : query.tags().entrySet()) {
            where.append(" AND EXISTS (SELECT 1 FROM recording_tags q WHERE q.recording_id = r.id"
                    + " AND q.tag_key = ? AND q.tag_value = ?)");
            parameters.add(tag.getKey());
            parameters.add(tag.getValue());
        }
        if (query.agents() != null) {
            // An empty set matches nothing (an access scope without agents), so it needs no parameter.
            if (query.agents().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND (").append(dialect.inSet("r.agent")).append(" OR ")
                        .append(dialect.inSet("r.caller_number")).append(" OR ")
                        .append(dialect.inSet("r.callee_number")).append(')');
                Texts agents = new Texts(query.agents());
                parameters.add(agents);
                parameters.add(agents);
                parameters.add(agents);
            }
        }
        if (query.ids() != null) {
            if (query.ids().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND ").append(dialect.inSet("r.id"));
                parameters.add(new Ids(query.ids()));
            }
        }
        parameters.add(query.limit());
        parameters.add(query.offset());
        String page = "SELECT " + qualified("r") + " FROM recordings r WHERE " + where
                + " ORDER BY r.started_at DESC, r.id LIMIT ? OFFSET ?";
        String sql = "SELECT p.*, t.tag_key, t.tag_value FROM (" + page + ") p"
                + " LEFT JOIN recording_tags t ON t.recording_id = p.id"
                + " ORDER BY p.started_at DESC, p.id, t.tag_key";
        return new SearchSql(sql, parameters, dialect);
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            switch (parameters.get(i)) {
                case Texts texts -> dialect.bindTexts(statement, i + 1, texts.values());
                case Ids ids -> dialect.bindIds(statement, i + 1, ids.values());
                case Object value -> statement.setObject(i + 1, value);
            }
        }
    }

    private static String qualified(String alias) {
        return alias + "." + RecordingRows.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
