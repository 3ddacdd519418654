package io.callvault.vault.spi.hold;

import io.callvault.vault.spi.CatalogException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Legal holds, in the catalog's database. Thread-safe; every method atomic. Holds are never deleted;
 * release is a two-step state change guarded in the store itself (compare-and-set), so two racing
 * approvals, or a requester approving their own request, cannot slip through.
 */
public interface HoldStore {

    /** @throws io.callvault.vault.spi.ConflictException if the id exists */
    void create(LegalHold hold) throws CatalogException;

    Optional<LegalHold> find(String id) throws CatalogException;

    /** Every hold, active ones first, then newest first. */
    List<LegalHold> list() throws CatalogException;

    /** Records a release request; false unless the hold exists, is active and has no pending request. */
    boolean requestRelease(String id, String by, String reason, Instant at) throws CatalogException;

    /**
     * Releases the hold; false unless it exists, is active, has a pending request, and {@code by} is not
     * the person who requested it.
     */
    boolean approveRelease(String id, String by, Instant at) throws CatalogException;
}
