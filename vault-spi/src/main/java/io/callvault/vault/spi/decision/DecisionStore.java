package io.callvault.vault.spi.decision;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import java.util.List;
import java.util.Optional;

/**
 * The recording decisions, one per call, in the catalog's database. Thread-safe; every method atomic. A
 * decision linked to a recording lives with it: crypto-shredding the recording deletes the decision in the
 * same transaction (it holds the parties' numbers). Decisions of calls that were not recorded stay.
 */
public interface DecisionStore {

    /**
     * Stores the decision of {@code record.callId()}, replacing any earlier one of that call entirely (so a
     * re-put with a null recording id or null evidence clears them). {@code decidedAt} is kept to the
     * millisecond; the JSON texts are returned exactly as given.
     *
     * @throws io.callvault.vault.spi.RecordingNotFoundException if {@code record.recordingId()} names a
     *         recording that does not exist (never created, or shredded): put the decision with the recording
     *         after the vault created it
     * @throws io.callvault.vault.spi.ConflictException if another call's decision is linked to that recording
     */
    void put(DecisionRecord record) throws CatalogException;

    /** The decision of the call with this SIP Call-ID, if one was stored. */
    Optional<DecisionRecord> byCall(String callId) throws CatalogException;

    /** The decision the recording was made under; empty when none is linked or the recording is gone. */
    Optional<DecisionRecord> byRecording(RecordingId id) throws CatalogException;

    /**
     * The most recent decisions first (by {@code decidedAt}, then by call id in the byte order of its UTF-8
     * text), skipping {@code offset}, at most {@code limit}.
     *
     * @throws IllegalArgumentException unless {@code offset >= 0} and {@code limit} is 1..1000
     */
    List<DecisionRecord> recent(int offset, int limit) throws CatalogException;
}
