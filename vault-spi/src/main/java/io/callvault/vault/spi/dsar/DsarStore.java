package io.callvault.vault.spi.dsar;

import io.callvault.vault.spi.CatalogException;
import java.util.List;
import java.util.Optional;

/** Data-subject requests and their action history, in the catalog's database. Thread-safe; atomic. */
public interface DsarStore {

    /** Stores a new request (its actions too). @throws io.callvault.vault.spi.ConflictException if the id exists */
    void create(DsarRequest request) throws CatalogException;

    /** The request with its actions, oldest first. */
    Optional<DsarRequest> find(String id) throws CatalogException;

    /** Every request, by due date then id, with its actions. */
    List<DsarRequest> list() throws CatalogException;

    /** Appends an action and sets the status in one transaction; false if there is no such request. */
    boolean record(String id, DsarAction action, DsarStatus status) throws CatalogException;
}
