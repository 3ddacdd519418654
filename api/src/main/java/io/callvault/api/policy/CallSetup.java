package io.callvault.api.policy;

import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.CallContext;
import io.callvault.vault.spi.CatalogException;

/**
 * Builds the {@link CallContext} a live call between two parties would get: the office location and line
 * flags of the extensions involved, where recordings are stored, no recording preference, the default
 * purpose. Supplied by the server (which owns the directory and the configuration), so that
 * {@code policy/explain} explains exactly what a call would be decided under. Must be thread-safe.
 */
@FunctionalInterface
public interface CallSetup {

    /** @throws CatalogException when the directory of extensions cannot be read */
    CallContext context(PhoneNumber caller, PhoneNumber callee, Direction direction) throws CatalogException;

    /**
     * The direction a call between these parties has when none is given, judged by the numbers' form:
     * extension to extension INTERNAL, from an extension OUT, anything else IN.
     */
    static Direction directionOf(PhoneNumber caller, PhoneNumber callee) {
        if (caller.isExtension()) {
            return callee.isExtension() ? Direction.INTERNAL : Direction.OUT;
        }
        return Direction.IN;
    }
}
