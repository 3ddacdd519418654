package io.callvault.vault.spi.access;

import io.callvault.vault.spi.CatalogException;
import java.util.List;
import java.util.Optional;

/**
 * The user accounts, in the catalog's database. Thread-safe; every method atomic. Users are disabled,
 * never deleted, so the audit log's actors keep meaning something.
 */
public interface UserStore {

    /** @throws io.callvault.vault.spi.ConflictException if the username exists */
    void create(UserAccount user) throws CatalogException;

    /** Replaces every field but username and createdAt; returns false if there is no such user. */
    boolean update(UserAccount user) throws CatalogException;

    Optional<UserAccount> find(String username) throws CatalogException;

    /** Every user, by username. */
    List<UserAccount> list() throws CatalogException;
}
