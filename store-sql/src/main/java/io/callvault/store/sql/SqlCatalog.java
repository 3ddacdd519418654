package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.queryAll;
import static io.callvault.store.sql.Statements.update;

import com.zaxxer.hikari.HikariDataSource;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.CheckpointStore;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Seal;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.Tombstone;
import io.callvault.vault.spi.WrappedKey;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.UserStore;
import io.callvault.vault.spi.decision.DecisionStore;
import io.callvault.vault.spi.dsar.DsarStore;
import io.callvault.vault.spi.hold.HoldStore;
import io.callvault.vault.spi.retention.RetentionStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link Catalog} on SQL: an SQLite file (the embedded default) or a PostgreSQL database, its schema
 * brought up to date by Flyway when opened. Held to {@code CatalogContract} on both, as are the stores
 * that share its database (directory, call log, audit log, users, credentials, holds, retention,
 * data-subject requests, checkpoints, recording decisions) to theirs.
 *
 * <p>Atomicity: a write that touches several rows runs in one transaction that first locks the
 * recording row (PostgreSQL; SQLite has a single writer), so a shred never interleaves with a tag or
 * segment write; a read is a single statement, so it sees one snapshot. Instants are kept to the
 * millisecond. Thread-safe; close it once when done.
 */
public final class SqlCatalog implements Catalog {
    private static final String TAG_UPSERT = "INSERT INTO recording_tags (recording_id, tag_key, tag_value) "
            + "VALUES (?, ?, ?) ON CONFLICT (recording_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value";
    private static final String SEAL = "UPDATE recordings SET ended_at = ?, duration_ms = ?, plaintext_bytes = ?, "
            + "ciphertext_bytes = ?, plaintext_sha256 = ?, state = ?, state_reason = ?, blob_key = ? "
            + "WHERE id = ? AND state = ?";
    private static final String FIND = "SELECT r.*, t.tag_key, t.tag_value FROM recordings r "
            + "LEFT JOIN recording_tags t ON t.recording_id = r.id WHERE r.id = ? ORDER BY t.tag_key";
    // The recording row comes back even without segments, so "none" and "no recording" differ.
    private static final String SEGMENTS = "SELECT s.start_ms, s.end_ms, s.kind, s.reason FROM recordings r "
            + "LEFT JOIN recording_segments s ON s.recording_id = r.id WHERE r.id = ? "
            + "ORDER BY s.start_ms, s.end_ms, s.id";

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Transactions tx;

    private final SqlDirectory directory;
    private final SqlCallLog callLog;
    private final SqlAuditSink auditLog;
    private final SqlUserStore users;
    private final SqlCredentialStore credentials;
    private final SqlHoldStore holds;
    private final SqlRetentionStore retention;
    private final SqlDsarStore dsars;
    private final SqlCheckpointStore checkpoints;
    private final SqlDecisionStore decisions;

    private SqlCatalog(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        this.tx = new Transactions(pool, dialect.describe());
        this.directory = new SqlDirectory(tx);
        this.callLog = new SqlCallLog(tx);
        this.auditLog = new SqlAuditSink(tx, java.time.InstantSource.system());
        this.users = new SqlUserStore(tx);
        this.credentials = new SqlCredentialStore(tx);
        this.holds = new SqlHoldStore(tx, dialect);
        this.retention = new SqlRetentionStore(tx, dialect);
        this.dsars = new SqlDsarStore(tx);
        this.checkpoints = new SqlCheckpointStore(tx);
        this.decisions = new SqlDecisionStore(tx, dialect);
    }

    /** The call records in the same database; valid until this catalog is closed. */
    public io.callvault.vault.spi.CallLog callLog() {
        return callLog;
    }

    /** The tamper-evident audit log in the same database; valid until this catalog is closed. */
    public io.callvault.vault.spi.AuditSink auditLog() {
        return auditLog;
    }

    /** The extensions directory in the same database; valid until this catalog is closed. */
    public io.callvault.vault.spi.Directory directory() {
        return directory;
    }

    /** The user accounts in the same database; valid until this catalog is closed. */
    public UserStore users() {
        return users;
    }

    /** Browser sessions and API tokens in the same database; valid until this catalog is closed. */
    public CredentialStore credentials() {
        return credentials;
    }

    /** The legal holds in the same database; valid until this catalog is closed. */
    public HoldStore holds() {
        return holds;
    }

    /**
     * Retention policies and the recordings' assignments in the same database; valid until this catalog
     * is closed. Shredding a recording removes its assignment.
     */
    public RetentionStore retention() {
        return retention;
    }

    /** Data-subject requests in the same database; valid until this catalog is closed. */
    public DsarStore dsars() {
        return dsars;
    }

    /** The signed audit checkpoints, next to the audit log; valid until this catalog is closed. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /**
     * The recording decisions, one per call, in the same database; valid until this catalog is closed.
     * Shredding a recording deletes the decision linked to it in the same transaction.
     */
    public DecisionStore decisions() {
        return decisions;
    }

    /**
     * The catalog's connection pool, for a library that keeps its own tables in the catalog's database:
     * db-scheduler's {@code scheduled_tasks}, which the migrations create. Not for the catalog's own
     * tables, which only this class and its stores write. On SQLite the pool holds one connection, so a
     * borrower must return it after each statement or transaction (db-scheduler does) and must not hold
     * it while calling into the catalog. Valid until this catalog is closed.
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Whether the database is SQLite, for a borrower of {@link #dataSource()} that speaks a dialect:
     * db-scheduler has none for SQLite, whose paging is {@code LIMIT n} rather than {@code FETCH FIRST}.
     */
    public boolean isSqlite() {
        return dialect instanceof SqliteDialect;
    }

    /**
     * Opens the catalog in an SQLite file, creating and migrating it as needed. The file's directory
     * must exist; the file gets {@code -wal} and {@code -shm} companions beside it.
     */
    public static SqlCatalog sqlite(Path file) throws CatalogException {
        return open(new SqliteDialect(Objects.requireNonNull(file, "file")));
    }

    /**
     * Connects to PostgreSQL and migrates the schema named by {@code currentSchema} in the URL (else
     * {@code public}); the user needs to be allowed to create tables there.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example.com:5432/callvault}
     * @throws CatalogException saying what to check when the server cannot be reached or refuses the login
     */
    public static SqlCatalog postgres(String jdbcUrl, String user, String password) throws CatalogException {
        return open(new PostgresDialect(jdbcUrl, user, password));
    }

    private static SqlCatalog open(Dialect dialect) throws CatalogException {
        HikariDataSource pool = dialect.open();
        try {
            Migrations.apply(pool, dialect);
        } catch (CatalogException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new SqlCatalog(dialect, pool);
    }

    @Override
    public void create(RecordingRow row, WrappedKey dataKey) throws CatalogException {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(dataKey, "dataKey");
        if (row.state() != RecordingState.RECORDING) {
            throw new IllegalArgumentException("a recording is created in state RECORDING, not " + row.state());
        }
        RecordingId id = row.id();
        tx.run("create recording " + id, c -> {
            try {
                update(c, RecordingRows.INSERT, s -> RecordingRows.bindInsert(s, dialect, row));
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw refused("create recording " + id, "the id exists already");
                }
                throw e;
            }
            // Checked after the insert, not before: on PostgreSQL the insert waits for a concurrent shred
            // of the same id to commit, and only a statement started after that sees its tombstone.
            if (RowLookups.tombstone(c, dialect, id).isPresent()) {
                throw refused("create recording " + id, "the id belongs to a shredded recording and ids are "
                        + "never reused");
            }
            for (Map.Entry<String, String> tag : row.tags().entrySet()) {
                update(c, TAG_UPSERT, s -> bindTag(s, id, tag));
            }
            update(c, "INSERT INTO data_keys (recording_id, kek_id, wrapped) VALUES (?, ?, ?)", s -> {
                dialect.bindId(s, 1, id);
                s.setString(2, dataKey.kekId());
                s.setBytes(3, dataKey.ciphertext());
            });
            return null;
        });
    }

    @Override
    public void seal(RecordingId id, Seal seal) throws CatalogException {
        Objects.requireNonNull(seal, "seal");
        tx.run("seal recording " + id, c -> {
            int sealed = update(c, SEAL, s -> {
                s.setLong(1, RecordingRows.millis(seal.endedAt()));
                s.setLong(2, seal.durationMillis());
                s.setLong(3, seal.plaintextBytes());
                s.setLong(4, seal.ciphertextBytes());
                s.setString(5, seal.plaintextSha256());
                s.setString(6, seal.state().name());
                s.setString(7, seal.reason());
                s.setString(8, seal.blobKey());
                dialect.bindId(s, 9, id);
                s.setString(10, RecordingState.RECORDING.name());
            });
            if (sealed == 0) {
                String state = first(c, "SELECT state FROM recordings WHERE id = ?", s -> dialect.bindId(s, 1, id),
                        r -> r.getString(1)).orElseThrow(() -> new RecordingNotFoundException(id));
                throw refused("seal recording " + id, "it is " + state + ", and only a RECORDING recording "
                        + "can be sealed");
            }
            return null;
        });
    }

    @Override
    public void setState(RecordingId id, RecordingState state, String reason) throws CatalogException {
        Objects.requireNonNull(state, "state");
        tx.run("set state of recording " + id, c -> {
            int changed = update(c, "UPDATE recordings SET state = ?, state_reason = ? WHERE id = ?", s -> {
                s.setString(1, state.name());
                s.setString(2, reason == null ? "" : reason);
                dialect.bindId(s, 3, id);
            });
            if (changed == 0) {
                throw new RecordingNotFoundException(id);
            }
            return null;
        });
    }

    @Override
    public Optional<RecordingRow> find(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        List<RecordingRow> rows = tx.autoCommit("find recording " + id,
                c -> queryAll(c, FIND, s -> dialect.bindId(s, 1, id), RecordingRows::readWithTags));
        return rows.stream().findFirst();
    }

    @Override
    public List<RecordingRow> search(RecordingQuery query) throws CatalogException {
        SearchSql sql = SearchSql.of(Objects.requireNonNull(query, "query"), dialect);
        return tx.autoCommit("search recordings", c -> queryAll(c, sql.sql(), sql::bind, RecordingRows::readWithTags));
    }

    @Override
    public void putTags(RecordingId id, Map<String, String> tags) throws CatalogException {
        Map<String, String> copy = Map.copyOf(tags);
        tx.run("put tags on recording " + id, c -> {
            RowLookups.requireRecording(c, dialect, id);
            for (Map.Entry<String, String> tag : copy.entrySet()) {
                if (tag.getValue().isEmpty()) {
                    update(c, "DELETE FROM recording_tags WHERE recording_id = ? AND tag_key = ?", s -> {
                        dialect.bindId(s, 1, id);
                        s.setString(2, tag.getKey());
                    });
                } else {
                    update(c, TAG_UPSERT, s -> bindTag(s, id, tag));
                }
            }
            return null;
        });
    }

    @Override
    public void addSegment(RecordingId id, Segment segment) throws CatalogException {
        Objects.requireNonNull(segment, "segment");
        tx.run("add segment to recording " + id, c -> {
            RowLookups.requireRecording(c, dialect, id);
            update(c, "INSERT INTO recording_segments (recording_id, start_ms, end_ms, kind, reason) "
                    + "VALUES (?, ?, ?, ?, ?)", s -> {
                dialect.bindId(s, 1, id);
                s.setLong(2, segment.startMillis());
                s.setLong(3, segment.endMillis());
                s.setString(4, segment.kind().name());
                s.setString(5, segment.reason());
            });
            return null;
        });
    }

    @Override
    public List<Segment> segments(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        List<Optional<Segment>> rows = tx.autoCommit("list segments of recording " + id,
                c -> query(c, SEGMENTS, s -> dialect.bindId(s, 1, id), RowLookups::segment));
        if (rows.isEmpty()) {
            throw new RecordingNotFoundException(id);
        }
        return rows.stream().flatMap(Optional::stream).toList();
    }

    @Override
    public WrappedKey dataKey(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        return tx.autoCommit("read data key of recording " + id,
                c -> first(c, "SELECT kek_id, wrapped FROM data_keys WHERE recording_id = ?",
                        s -> dialect.bindId(s, 1, id), RowLookups::wrappedKey))
                .orElseThrow(() -> new RecordingNotFoundException(id));
    }

    @Override
    public List<RecordingId> wrappedWith(String kekId) throws CatalogException {
        Objects.requireNonNull(kekId, "kekId");
        return tx.autoCommit("list data keys wrapped with KEK " + kekId,
                c -> query(c, "SELECT recording_id FROM data_keys WHERE kek_id = ? ORDER BY recording_id",
                        s -> s.setString(1, kekId), r -> RecordingRows.id(r.getString(1))));
    }

    @Override
    public boolean rewrap(RecordingId id, WrappedKey expected, WrappedKey replacement) throws CatalogException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        // One conditional UPDATE is the compare-and-set: it matches only the exact stored key.
        int changed = tx.autoCommit("rewrap data key of recording " + id, c -> update(c,
                "UPDATE data_keys SET kek_id = ?, wrapped = ? WHERE recording_id = ? AND kek_id = ? AND wrapped = ?",
                s -> {
                    s.setString(1, replacement.kekId());
                    s.setBytes(2, replacement.ciphertext());
                    dialect.bindId(s, 3, id);
                    s.setString(4, expected.kekId());
                    s.setBytes(5, expected.ciphertext());
                }));
        return changed == 1;
    }

    @Override
    public Tombstone shred(RecordingId id, String reason, String actor, Instant at) throws CatalogException {
        Objects.requireNonNull(at, "at");
        Tombstone fresh = new Tombstone(id, at.truncatedTo(ChronoUnit.MILLIS), reason, actor);
        Shredding.Outcome outcome = tx.run("shred recording " + id, c -> Shredding.shred(c, dialect, fresh));
        if (outcome.shreddedNow()) {
            tx.autoCommit("clear shredded key of recording " + id + " from the write-ahead log", c -> {
                dialect.afterShred(c);
                return null;
            });
        }
        return outcome.tombstone();
    }

    @Override
    public Optional<Tombstone> tombstone(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        return tx.autoCommit("read tombstone of recording " + id, c -> RowLookups.tombstone(c, dialect, id));
    }

    @Override
    public Optional<String> setting(String name) throws CatalogException {
        Objects.requireNonNull(name, "name");
        return tx.autoCommit("read setting " + name, c -> first(c, "SELECT value FROM settings WHERE name = ?",
                s -> s.setString(1, name), r -> r.getString(1)));
    }

    @Override
    public void putSetting(String name, String value) throws CatalogException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        tx.autoCommit("write setting " + name, c -> update(c, "INSERT INTO settings (name, value) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value", s -> {
            s.setString(1, name);
            s.setString(2, value);
        }));
    }

    @Override
    public String describe() {
        return dialect.describe();
    }

    /** Closes the pool; idempotent. Calls after close fail with a {@link CatalogException}. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "SqlCatalog[" + describe() + "]";
    }

    private void bindTag(PreparedStatement s, RecordingId id, Map.Entry<String, String> tag)
            throws SQLException {
        dialect.bindId(s, 1, id);
        s.setString(2, tag.getKey());
        s.setString(3, tag.getValue());
    }

    private CatalogException refused(String operation, String why) {
        return new CatalogException(describe() + ": cannot " + operation + ": " + why);
    }
}
