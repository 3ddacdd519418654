package io.callvault.vault.spi;

import java.util.List;

/** Signed audit checkpoints, kept next to the audit log. Append-only; thread-safe. */
public interface CheckpointStore {

    /** Stores a checkpoint; storing one for a seq that has one already is a ConflictException. */
    void add(AuditCheckpoint checkpoint) throws CatalogException;

    /** Every checkpoint, by seq. */
    List<AuditCheckpoint> list() throws CatalogException;
}
