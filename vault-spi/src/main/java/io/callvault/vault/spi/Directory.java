package io.callvault.vault.spi;

import java.util.List;
import java.util.Optional;

/**
 * The extensions (softphone accounts) and trunks callvault serves, kept in the same database as the catalog so the
 * CLI and the running server share them: a change made with {@code bin/callvault extension add} is seen
 * by the server at its next look-up, without a restart. Thread-safe; every method is atomic.
 */
public interface Directory {

    /** Adds the extension or replaces the one with the same number. */
    void putExtension(Extension extension) throws CatalogException;

    /** @return false if there was no such extension */
    boolean removeExtension(String number) throws CatalogException;

    Optional<Extension> extension(String number) throws CatalogException;

    /** All extensions, ordered by number. */
    List<Extension> extensions() throws CatalogException;

    /** Adds the trunk or replaces the one with the same name. */
    void putTrunk(Trunk trunk) throws CatalogException;

    /** @return false if there was no such trunk */
    boolean removeTrunk(String name) throws CatalogException;

    /** All trunks, ordered by name. */
    List<Trunk> trunks() throws CatalogException;
}
