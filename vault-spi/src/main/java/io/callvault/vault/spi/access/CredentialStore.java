package io.callvault.vault.spi.access;

import io.callvault.vault.spi.CatalogException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Browser sessions and API tokens, in the catalog's database. Thread-safe; every method atomic. */
public interface CredentialStore {

    void createSession(Session session) throws CatalogException;

    Optional<Session> findSession(String idHash) throws CatalogException;

    /** Ends one session (idempotent), or with {@code idHash} null every session of {@code username}. */
    void deleteSessions(String username, String idHash) throws CatalogException;

    /** @throws io.callvault.vault.spi.ConflictException if the id exists */
    void createToken(ApiToken token) throws CatalogException;

    Optional<ApiToken> findToken(String id) throws CatalogException;

    /** The tokens of {@code username}, or of everyone when null; newest first, revoked ones included. */
    List<ApiToken> tokens(String username) throws CatalogException;

    /** Marks a token revoked at {@code at} unless it already is; false if there is no such token. */
    boolean revokeToken(String id, Instant at) throws CatalogException;
}
