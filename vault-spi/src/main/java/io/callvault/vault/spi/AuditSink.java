package io.callvault.vault.spi;

import java.util.List;

/**
 * The tamper-evident audit log: an append-only hash chain of {@link AuditEntry}s (format in
 * docs/audit-chain.md; check it with {@link AuditChain#verify}).
 *
 * <p>Thread-safe. Appends are serialised, also across processes sharing one database: each append reads
 * the current last entry and adds the next one atomically, so the chain never forks and seq has no gaps.
 * Entries are never changed or removed through this interface.
 */
public interface AuditSink {

    /**
     * Appends one entry: assigns the next seq and the current time (millisecond precision, never earlier
     * than the last entry's time), links it to the last entry and computes its hash.
     *
     * @param outcome "ok", "denied" or "failed"
     * @param target  may be empty; {@code details} likewise; no argument may be null
     * @return the entry as stored
     * @throws IllegalArgumentException for an unknown outcome
     * @throws CatalogException         if it could not be stored; then nothing was appended
     */
    AuditEntry append(String actor, String source, String action, String target, String outcome, String details)
            throws CatalogException;

    /**
     * Up to {@code limit} (1..10000) entries with seq >= {@code fromSeq}, in seq order; empty past the end.
     * Entries come back exactly as stored, so a tampered store yields entries that fail verification.
     */
    List<AuditEntry> read(long fromSeq, int limit) throws CatalogException;

    /** The number of entries, which is also the seq of the last one. */
    long size() throws CatalogException;
}
