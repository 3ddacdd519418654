package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.batch;
import static io.callvault.store.sql.Statements.instant;
import static io.callvault.store.sql.Statements.queryAll;
import static io.callvault.store.sql.Statements.setInstant;
import static io.callvault.store.sql.Statements.update;

import io.callvault.core.PhoneNumber;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.dsar.DsarAction;
import io.callvault.vault.spi.dsar.DsarKind;
import io.callvault.vault.spi.dsar.DsarRequest;
import io.callvault.vault.spi.dsar.DsarStatus;
import io.callvault.vault.spi.dsar.DsarStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The {@link DsarStore} in the catalog's database (tables {@code dsar_requests}, {@code dsar_numbers} and
 * {@code dsar_actions}, see V8__governance.sql); see {@link SqlCatalog#dsars()}.
 *
 * <p>A request is read in one statement joining its numbers and its actions, so status, numbers and
 * actions come from one snapshot. The join yields numbers × actions rows per request; both are few
 * (a subject's phone numbers, a handful of handling steps), and each is kept once by its key.
 */
final class SqlDsarStore implements DsarStore {
    private static final String JOINED = "SELECT d.id, d.kind, d.subject_name, d.subject_email, d.received_at, "
            + "d.due_at, d.status, d.created_by, n.position, n.number, a.id AS action_id, a.at_ms, a.actor, a.action, "
            + "a.details FROM dsar_requests d JOIN dsar_numbers n ON n.request_id = d.id "
            + "LEFT JOIN dsar_actions a ON a.request_id = d.id";
    private static final String INSERT_ACTION = "INSERT INTO dsar_actions (request_id, at_ms, actor, action, "
            + "details) VALUES (?, ?, ?, ?, ?)";
    /** By due date, then id; sorted here so ties do not depend on the database's collation. */
    private static final Comparator<DsarRequest> LIST_ORDER = Comparator.comparing(DsarRequest::dueAt)
            .thenComparing(DsarRequest::id);

    private final Transactions tx;

    SqlDsarStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void create(DsarRequest r) throws CatalogException {
        String operation = "create data-subject request " + r.id();
        tx.run(operation, c -> {
            if (update(c, "INSERT INTO dsar_requests (id, kind, subject_name, subject_email, received_at, due_at, "
                    + "status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", s -> {
                s.setString(1, r.id());
                s.setString(2, r.kind().name());
                s.setString(3, r.subjectName());
                s.setString(4, r.subjectEmail());
                setInstant(s, 5, r.receivedAt());
                setInstant(s, 6, r.dueAt());
                s.setString(7, r.status().name());
                s.setString(8, r.createdBy());
            }) == 0) {
                throw tx.conflict(operation, "a request with this id exists already (use a new id)");
            }
            batch(c, "INSERT INTO dsar_numbers (request_id, position, number) VALUES (?, ?, ?)",
                    IntStream.range(0, r.numbers().size()).boxed().toList(), (s, position) -> {
                        s.setString(1, r.id());
                        s.setInt(2, position);
                        s.setString(3, r.numbers().get(position).e164());
                    });
            batch(c, INSERT_ACTION, r.actions(), (s, action) -> bindAction(s, r.id(), action));
            return null;
        });
    }

    @Override
    public Optional<DsarRequest> find(String id) throws CatalogException {
        return tx.autoCommit("look up data-subject request " + id, c -> queryAll(c, JOINED + " WHERE d.id = ?",
                s -> s.setString(1, id), SqlDsarStore::read)).stream().findFirst();
    }

    @Override
    public List<DsarRequest> list() throws CatalogException {
        return tx.autoCommit("list data-subject requests", c -> queryAll(c, JOINED, s -> { }, SqlDsarStore::read))
                .stream().sorted(LIST_ORDER).toList();
    }

    /** The status UPDATE comes first: it locks the request row, so concurrent records take turns. */
    @Override
    public boolean record(String id, DsarAction action, DsarStatus status) throws CatalogException {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        return tx.run("record " + action.action() + " on data-subject request " + id, c -> {
            if (update(c, "UPDATE dsar_requests SET status = ? WHERE id = ?", s -> {
                s.setString(1, status.name());
                s.setString(2, id);
            }) == 0) {
                return false;
            }
            update(c, INSERT_ACTION, s -> bindAction(s, id, action));
            return true;
        });
    }

    private static void bindAction(PreparedStatement s, String id, DsarAction action) throws SQLException {
        s.setString(1, id);
        setInstant(s, 2, action.at());
        s.setString(3, action.actor());
        s.setString(4, action.action());
        s.setString(5, action.details());
    }

    /** The request's own columns, read from its first joined row. */
    private record Head(String id, String kind, String subjectName, String subjectEmail, Instant receivedAt,
                        Instant dueAt, String status, String createdBy) {
    }

    /** One request being read: its numbers by position, its actions by insertion order (the action id). */
    private record Parts(Head head, Map<Integer, PhoneNumber> numbers, Map<Long, DsarAction> actions) {
        Parts(Head head) {
            this(head, new TreeMap<>(), new TreeMap<>());
        }
    }

    private static List<DsarRequest> read(ResultSet rows) throws SQLException {
        Map<String, Parts> requests = new LinkedHashMap<>();
        while (rows.next()) {
            String id = rows.getString("id");
            Parts parts = requests.get(id);
            if (parts == null) {
                parts = new Parts(new Head(id, rows.getString("kind"), rows.getString("subject_name"),
                        rows.getString("subject_email"), instant(rows, "received_at"), instant(rows, "due_at"),
                        rows.getString("status"), rows.getString("created_by")));
                requests.put(id, parts);
            }
            parts.numbers().putIfAbsent(rows.getInt("position"), number(id, rows.getString("number")));
            long actionId = rows.getLong("action_id");
            if (!rows.wasNull()) {
                parts.actions().putIfAbsent(actionId, new DsarAction(instant(rows, "at_ms"), rows.getString("actor"),
                        rows.getString("action"), rows.getString("details")));
            }
        }
        List<DsarRequest> result = new ArrayList<>(requests.size());
        for (Parts parts : requests.values()) {
            result.add(request(parts));
        }
        return result;
    }

    private static DsarRequest request(Parts p) throws SQLException {
        Head h = p.head();
        try {
            // Oldest first; a stable sort keeps insertion order among actions of the same millisecond.
            List<DsarAction> actions = p.actions().values().stream()
                    .sorted(Comparator.comparing(DsarAction::at)).toList();
            return new DsarRequest(h.id(), DsarKind.valueOf(h.kind()), List.copyOf(p.numbers().values()),
                    h.subjectName(), h.subjectEmail(), h.receivedAt(), h.dueAt(), DsarStatus.valueOf(h.status()),
                    h.createdBy(), actions);
        } catch (IllegalArgumentException e) {
            throw new SQLException("data-subject request " + h.id() + " holds a value this version cannot read "
                    + "(written by a newer callvault?): " + e.getMessage(), e);
        }
    }

    private static PhoneNumber number(String id, String text) throws SQLException {
        try {
            return PhoneNumber.of(text);
        } catch (IllegalArgumentException e) {
            throw new SQLException("data-subject request " + id + " holds a bad number: " + e.getMessage(), e);
        }
    }
}
