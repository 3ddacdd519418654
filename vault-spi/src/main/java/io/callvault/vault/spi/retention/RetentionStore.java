package io.callvault.vault.spi.retention;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Retention policies and each recording's assignment, in the catalog's database. Thread-safe; every
 * method atomic. An assignment lives with its recording and goes when the recording is shredded.
 */
public interface RetentionStore {

    /** Adds or replaces the policy with this name. */
    void putPolicy(RetentionPolicy policy) throws CatalogException;

    /** Removes a policy; false if there was none. Assignments naming it stay until re-evaluated. */
    boolean deletePolicy(String name) throws CatalogException;

    /** Every policy, by name. */
    List<RetentionPolicy> policies() throws CatalogException;

    /**
     * Sets a recording's assignment (overwriting any earlier one).
     *
     * @throws io.callvault.vault.spi.RecordingNotFoundException if the recording does not exist
     */
    void assign(RetentionAssignment assignment) throws CatalogException;

    Optional<RetentionAssignment> assignment(RecordingId id) throws CatalogException;

    /** Up to {@code limit} assignments with {@code retainUntil <= now}, earliest first, then by id. */
    List<RetentionAssignment> expired(Instant now, int limit) throws CatalogException;
}
