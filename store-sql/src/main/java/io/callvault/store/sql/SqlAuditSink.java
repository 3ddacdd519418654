package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.update;

import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.CatalogException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The {@link AuditSink} in the catalog's database (table {@code audit_log}); see {@link SqlCatalog#auditLog()}.
 *
 * <p>Serialisation: each append is one transaction that first updates the single {@code audit_head} row.
 * On PostgreSQL that row lock makes concurrent appenders (in any process) wait for each other, and the
 * read of the last entry that follows starts after the previous appender committed; on SQLite the write
 * lock and the one-connection pool do the same. Primary key on seq is the backstop: a fork cannot commit.
 */
final class SqlAuditSink implements AuditSink {
    private static final String COLUMNS = "seq, at_ms, actor, source, action, target, outcome, details, prev_hash, hash";

    private final Transactions tx;
    private final InstantSource clock;

    SqlAuditSink(Transactions tx, InstantSource clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(String actor, String source, String action, String target, String outcome,
                             String details) throws CatalogException {
        AuditChain.checkAppend(actor, source, action, target, outcome, details);
        return tx.run("append audit entry " + action, c -> {
            if (update(c, "UPDATE audit_head SET appends = appends + 1 WHERE id = 1", s -> { }) != 1) {
                throw new CatalogException("the audit_head row is missing; the audit log's schema was altered");
            }
            Optional<AuditEntry> last = first(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1",
                    s -> { }, SqlAuditSink::read);
            long seq = last.map(e -> e.seq() + 1).orElse(1L);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (last.isPresent() && at.isBefore(last.get().at())) {
                at = last.get().at(); // the clock stepped back: keep times non-decreasing along the chain
            }
            String prev = last.map(AuditEntry::hash).orElse(AuditChain.GENESIS);
            AuditEntry e = new AuditEntry(seq, at, actor, source, action, target, outcome, details, prev,
                    AuditChain.hash(seq, at, actor, source, action, target, outcome, details, prev));
            update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                s.setLong(1, e.seq());
                s.setLong(2, e.at().toEpochMilli());
                s.setString(3, e.actor());
                s.setString(4, e.source());
                s.setString(5, e.action());
                s.setString(6, e.target());
                s.setString(7, e.outcome());
                s.setString(8, e.details());
                s.setString(9, e.prevHash());
                s.setString(10, e.hash());
            });
            return e;
        });
    }

    @Override
    public List<AuditEntry> read(long fromSeq, int limit) throws CatalogException {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, not " + limit);
        }
        return tx.autoCommit("read audit log from " + fromSeq, c -> query(c, "SELECT " + COLUMNS
                + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?", s -> {
                    s.setLong(1, fromSeq);
                    s.setInt(2, limit);
                }, SqlAuditSink::read));
    }

    @Override
    public long size() throws CatalogException {
        return tx.autoCommit("count audit entries", c -> first(c, "SELECT count(*) FROM audit_log", s -> { },
                r -> r.getLong(1))).orElse(0L);
    }

    private static AuditEntry read(ResultSet r) throws SQLException {
        return new AuditEntry(r.getLong("seq"), Instant.ofEpochMilli(r.getLong("at_ms")), r.getString("actor"),
                r.getString("source"), r.getString("action"), r.getString("target"), r.getString("outcome"),
                r.getString("details"), r.getString("prev_hash"), r.getString("hash"));
    }
}
