package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.batch;
import static io.callvault.store.sql.Statements.instant;
import static io.callvault.store.sql.Statements.queryAll;
import static io.callvault.store.sql.Statements.setInstant;
import static io.callvault.store.sql.Statements.update;

import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.hold.HoldStore;
import io.callvault.vault.spi.hold.LegalHold;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link HoldStore} in the catalog's database (tables {@code legal_holds} and
 * {@code legal_hold_recordings}, see V8__governance.sql); see {@link SqlCatalog#holds()}.
 *
 * <p>Each release step is one conditional UPDATE, the compare-and-set the SPI asks for: the database
 * evaluates the condition on the row as it is when the UPDATE gets the row lock, so of two racing
 * approvals (in any number of processes) only the first changes the row and the second matches
 * nothing; and the requester is excluded in the same condition. A CHECK in the table backs this up.
 */
final class SqlHoldStore implements HoldStore {
    private static final String COLUMNS = "id, name, reason, matter, created_by, created_at, scope_party, "
            + "scope_since, scope_until, release_requested_by, release_requested_at, release_reason, released_by, "
            + "released_at";
    private static final String WITH_IDS = "SELECT h.*, r.recording_id FROM legal_holds h "
            + "LEFT JOIN legal_hold_recordings r ON r.hold_id = h.id";
    private static final String REQUEST = "UPDATE legal_holds SET release_requested_by = ?, "
            + "release_requested_at = ?, release_reason = ? "
            + "WHERE id = ? AND released_at IS NULL AND release_requested_at IS NULL";
    private static final String APPROVE = "UPDATE legal_holds SET released_by = ?, released_at = ? "
            + "WHERE id = ? AND released_at IS NULL AND release_requested_at IS NOT NULL "
            + "AND release_requested_by <> ?";
    /** Active holds first, then newest first; ties by id so the order does not depend on the database. */
    private static final Comparator<LegalHold> LIST_ORDER = Comparator
            .comparing((LegalHold h) -> !h.active())
            .thenComparing(LegalHold::createdAt, Comparator.reverseOrder())
            .thenComparing(LegalHold::id);

    private final Transactions tx;
    private final Dialect dialect;

    SqlHoldStore(Transactions tx, Dialect dialect) {
        this.tx = tx;
        this.dialect = dialect;
    }

    @Override
    public void create(LegalHold h) throws CatalogException {
        String operation = "create legal hold " + h.id();
        tx.run(operation, c -> {
            if (update(c, "INSERT INTO legal_holds (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING", s -> {
                s.setString(1, h.id());
                s.setString(2, h.name());
                s.setString(3, h.reason());
                s.setString(4, h.matter());
                s.setString(5, h.createdBy());
                setInstant(s, 6, h.createdAt());
                s.setString(7, h.scope().party() == null ? null : h.scope().party().e164());
                setInstant(s, 8, h.scope().since());
                setInstant(s, 9, h.scope().until());
                s.setString(10, h.releaseRequestedBy());
                setInstant(s, 11, h.releaseRequestedAt());
                s.setString(12, h.releaseReason());
                s.setString(13, h.releasedBy());
                setInstant(s, 14, h.releasedAt());
            }) == 0) {
                throw tx.conflict(operation, "a hold with this id exists already (holds are never deleted; "
                        + "use a new id)");
            }
            batch(c, "INSERT INTO legal_hold_recordings (hold_id, recording_id) VALUES (?, ?)",
                    h.scope().recordingIds(), (s, id) -> {
                        s.setString(1, h.id());
                        dialect.bindId(s, 2, id);
                    });
            return null;
        });
    }

    @Override
    public Optional<LegalHold> find(String id) throws CatalogException {
        return tx.autoCommit("look up legal hold " + id, c -> queryAll(c, WITH_IDS + " WHERE h.id = ?",
                s -> s.setString(1, id), SqlHoldStore::read)).stream().findFirst();
    }

    @Override
    public List<LegalHold> list() throws CatalogException {
        return tx.autoCommit("list legal holds", c -> queryAll(c, WITH_IDS, s -> { }, SqlHoldStore::read))
                .stream().sorted(LIST_ORDER).toList();
    }

    @Override
    public boolean requestRelease(String id, String by, String reason, Instant at) throws CatalogException {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        return tx.run("request release of legal hold " + id, c -> update(c, REQUEST, s -> {
            s.setString(1, by);
            setInstant(s, 2, at);
            s.setString(3, reason);
            s.setString(4, id);
        })) == 1;
    }

    @Override
    public boolean approveRelease(String id, String by, Instant at) throws CatalogException {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        return tx.run("approve release of legal hold " + id, c -> update(c, APPROVE, s -> {
            s.setString(1, by);
            setInstant(s, 2, at);
            s.setString(3, id);
            s.setString(4, by);
        })) == 1;
    }

    /** A hold's own columns, before its recording ids (other rows of the join) are known. */
    private record Stored(String id, String name, String reason, String matter, String createdBy, Instant createdAt,
                          String party, Instant since, Instant until, String requestedBy, Instant requestedAt,
                          String releaseReason, String releasedBy, Instant releasedAt) {

        static Stored read(ResultSet r) throws SQLException {
            return new Stored(r.getString("id"), r.getString("name"), r.getString("reason"), r.getString("matter"),
                    r.getString("created_by"), instant(r, "created_at"), r.getString("scope_party"),
                    instant(r, "scope_since"), instant(r, "scope_until"), r.getString("release_requested_by"),
                    instant(r, "release_requested_at"), r.getString("release_reason"), r.getString("released_by"),
                    instant(r, "released_at"));
        }

        LegalHold hold(Set<RecordingId> ids) throws SQLException {
            try {
                HoldScope scope = new HoldScope(ids, party == null ? null : PhoneNumber.of(party), since, until);
                return new LegalHold(id, name, reason, matter, createdBy, createdAt, scope, requestedBy, requestedAt,
                        releaseReason, releasedBy, releasedAt);
            } catch (IllegalArgumentException e) {
                throw new SQLException("legal hold " + id + " holds values this version cannot read (edited by "
                        + "hand?): " + e.getMessage(), e);
            }
        }
    }

    /** Holds from rows joined with their recording ids (null for a search-scoped hold), in result order. */
    private static List<LegalHold> read(ResultSet rows) throws SQLException {
        Map<String, Stored> holds = new LinkedHashMap<>();
        Map<String, Set<RecordingId>> ids = new LinkedHashMap<>();
        while (rows.next()) {
            String id = rows.getString("id");
            if (!holds.containsKey(id)) {
                holds.put(id, Stored.read(rows));
                ids.put(id, new TreeSet<>());
            }
            String recording = rows.getString("recording_id");
            if (recording != null) {
                ids.get(id).add(RecordingRows.id(recording));
            }
        }
        List<LegalHold> result = new ArrayList<>(holds.size());
        for (Stored stored : holds.values()) {
            result.add(stored.hold(ids.get(stored.id())));
        }
        return result;
    }
}
