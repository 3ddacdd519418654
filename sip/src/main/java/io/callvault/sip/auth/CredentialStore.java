package io.callvault.sip.auth;

import java.util.Optional;

/**
 * Where {@link DigestChallenger} finds users' secrets. Called once per verification, from any thread:
 * implementations must be thread-safe and should answer from memory or a cache. Returns empty for an
 * unknown user; must not throw for one.
 */
@FunctionalInterface
public interface CredentialStore {
    Optional<DigestSecret> lookup(String username, String realm);
}
