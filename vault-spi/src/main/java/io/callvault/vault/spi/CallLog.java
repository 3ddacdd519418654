package io.callvault.vault.spi;

import java.util.List;

/**
 * Call records, kept in the catalog's database next to the recordings they link to. Append-only for the
 * server; thread-safe; every method atomic.
 */
public interface CallLog {

    /** Stores the record of a call that has ended. */
    void add(CallRecord call) throws CatalogException;

    /** The most recent calls first (by start time), at most {@code limit} (1..1000), skipping {@code offset}. */
    List<CallRecord> recent(int offset, int limit) throws CatalogException;

    /** Every record with this SIP Call-ID (normally one). */
    List<CallRecord> byCallId(String callId) throws CatalogException;
}
