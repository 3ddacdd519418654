package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.instant;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.setInstant;
import static io.callvault.store.sql.Statements.update;

import io.callvault.vault.spi.AuditCheckpoint;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.CheckpointStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@link CheckpointStore} in the catalog's database (table {@code audit_checkpoints}, see
 * V8__governance.sql); see {@link SqlCatalog#checkpoints()}. Rows are only inserted, one per seq.
 */
final class SqlCheckpointStore implements CheckpointStore {
    private static final String COLUMNS = "seq, hash, at_ms, key_id, signature";

    private final Transactions tx;

    SqlCheckpointStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(AuditCheckpoint cp) throws CatalogException {
        String operation = "store the audit checkpoint at seq " + cp.seq();
        tx.run(operation, c -> {
            if (update(c, "INSERT INTO audit_checkpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (seq) DO NOTHING", s -> {
                s.setLong(1, cp.seq());
                s.setString(2, cp.hash());
                setInstant(s, 3, cp.at());
                s.setString(4, cp.keyId());
                s.setString(5, cp.signature());
            }) == 0) {
                throw tx.conflict(operation, "a checkpoint for that seq exists already, and checkpoints are never "
                        + "replaced");
            }
            return null;
        });
    }

    @Override
    public List<AuditCheckpoint> list() throws CatalogException {
        return tx.autoCommit("list audit checkpoints", c -> query(c, "SELECT " + COLUMNS
                + " FROM audit_checkpoints ORDER BY seq", s -> { }, SqlCheckpointStore::read));
    }

    private static AuditCheckpoint read(ResultSet r) throws SQLException {
        return new AuditCheckpoint(r.getLong("seq"), r.getString("hash"), instant(r, "at_ms"), r.getString("key_id"),
                r.getString("signature"));
    }
}
