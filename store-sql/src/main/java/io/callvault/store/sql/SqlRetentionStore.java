package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.batch;
import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.instant;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.queryAll;
import static io.callvault.store.sql.Statements.setInstant;
import static io.callvault.store.sql.Statements.update;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.retention.RetentionAssignment;
import io.callvault.vault.spi.retention.RetentionPolicy;
import io.callvault.vault.spi.retention.RetentionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link RetentionStore} in the catalog's database; see {@link SqlCatalog#retention()}. Policies are
 * in {@code retention_policies} with their tag matches in {@code retention_policy_match}; a recording's
 * assignment is two columns of its own row ({@code retention_policy}, {@code retain_until}), so the
 * shred that deletes the row deletes the assignment, and an assignment can never outlive its recording.
 */
final class SqlRetentionStore implements RetentionStore {
    private static final String UPSERT = "INSERT INTO retention_policies (name, retain_days, priority, "
            + "overrides_erasure, description) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            + "retain_days = excluded.retain_days, priority = excluded.priority, "
            + "overrides_erasure = excluded.overrides_erasure, description = excluded.description";
    private static final String WITH_MATCH = "SELECT p.name, p.retain_days, p.priority, p.overrides_erasure, "
            + "p.description, m.tag_key, m.tag_value FROM retention_policies p "
            + "LEFT JOIN retention_policy_match m ON m.policy = p.name";
    private static final String ASSIGNMENT = "SELECT id, retention_policy, retain_until FROM recordings";

    private final Transactions tx;
    private final Dialect dialect;

    SqlRetentionStore(Transactions tx, Dialect dialect) {
        this.tx = tx;
        this.dialect = dialect;
    }

    /** Replaces the policy row and its whole match in one transaction. */
    @Override
    public void putPolicy(RetentionPolicy p) throws CatalogException {
        tx.run("store retention policy " + p.name(), c -> {
            update(c, UPSERT, s -> {
                s.setString(1, p.name());
                s.setInt(2, p.retainDays());
                s.setInt(3, p.priority());
                s.setBoolean(4, p.overridesErasure());
                s.setString(5, p.description());
            });
            update(c, "DELETE FROM retention_policy_match WHERE policy = ?", s -> s.setString(1, p.name()));
            batch(c, "INSERT INTO retention_policy_match (policy, tag_key, tag_value) VALUES (?, ?, ?)",
                    p.match().entrySet(), (s, tag) -> {
                        s.setString(1, p.name());
                        s.setString(2, tag.getKey());
                        s.setString(3, tag.getValue());
                    });
            return null;
        });
    }

    /** The match rows go with the policy (ON DELETE CASCADE). */
    @Override
    public boolean deletePolicy(String name) throws CatalogException {
        return tx.run("delete retention policy " + name, c -> update(c,
                "DELETE FROM retention_policies WHERE name = ?", s -> s.setString(1, name))) > 0;
    }

    /** One join, so policies and matches come from one snapshot; sorted here, in String order. */
    @Override
    public List<RetentionPolicy> policies() throws CatalogException {
        return tx.autoCommit("list retention policies", c -> queryAll(c, WITH_MATCH, s -> { }, rows -> {
            Map<String, RetentionPolicy> policies = new TreeMap<>();
            Map<String, Map<String, String>> matches = new TreeMap<>();
            while (rows.next()) {
                String name = rows.getString("name");
                if (!policies.containsKey(name)) {
                    policies.put(name, policy(rows));
                    matches.put(name, new TreeMap<>());
                }
                String key = rows.getString("tag_key");
                if (key != null) {
                    matches.get(name).put(key, rows.getString("tag_value"));
                }
            }
            List<RetentionPolicy> result = new ArrayList<>(policies.size());
            for (RetentionPolicy p : policies.values()) {
                result.add(new RetentionPolicy(p.name(), p.retainDays(), matches.get(p.name()), p.priority(),
                        p.overridesErasure(), p.description()));
            }
            return List.copyOf(result);
        }));
    }

    /** One UPDATE: a concurrent shred either happened first (no row: not found) or waits for it. */
    @Override
    public void assign(RetentionAssignment a) throws CatalogException {
        tx.run("assign retention policy " + a.policy() + " to recording " + a.id(), c -> {
            if (update(c, "UPDATE recordings SET retention_policy = ?, retain_until = ? WHERE id = ?", s -> {
                s.setString(1, a.policy());
                setInstant(s, 2, a.retainUntil());
                dialect.bindId(s, 3, a.id());
            }) == 0) {
                throw new RecordingNotFoundException(a.id());
            }
            return null;
        });
    }

    /** Empty when the recording has no assignment or does not exist. */
    @Override
    public Optional<RetentionAssignment> assignment(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        return tx.autoCommit("read retention assignment of recording " + id, c -> first(c,
                ASSIGNMENT + " WHERE id = ? AND retention_policy IS NOT NULL", s -> dialect.bindId(s, 1, id),
                SqlRetentionStore::assignment));
    }

    /** @throws IllegalArgumentException if {@code limit} is below 1 */
    @Override
    public List<RetentionAssignment> expired(Instant now, int limit) throws CatalogException {
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, not " + limit);
        }
        return tx.autoCommit("list recordings past retention", c -> query(c, ASSIGNMENT
                + " WHERE retain_until <= ? AND retention_policy IS NOT NULL ORDER BY retain_until, id LIMIT ?", s -> {
                    setInstant(s, 1, now);
                    s.setInt(2, limit);
                }, SqlRetentionStore::assignment));
    }

    private static RetentionAssignment assignment(ResultSet r) throws SQLException {
        return new RetentionAssignment(RecordingRows.id(r.getString("id")), r.getString("retention_policy"),
                instant(r, "retain_until"));
    }

    private static RetentionPolicy policy(ResultSet r) throws SQLException {
        String name = r.getString("name");
        try {
            return new RetentionPolicy(name, r.getInt("retain_days"), Map.of(), r.getInt("priority"),
                    r.getBoolean("overrides_erasure"), r.getString("description"));
        } catch (IllegalArgumentException e) {
            throw new SQLException("retention policy " + name + " holds a value this version cannot read (edited "
                    + "by hand?): " + e.getMessage(), e);
        }
    }
}
