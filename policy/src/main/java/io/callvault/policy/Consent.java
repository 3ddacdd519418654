package io.callvault.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The consent part of a decision.
 *
 * @param mechanism how agreement is obtained
 * @param optOutKey the DTMF key that refuses recording during the announcement; empty when none is offered
 *                  (always empty with {@link ConsentMechanism#NONE})
 */
public record Consent(ConsentMechanism mechanism, Optional<String> optOutKey) {
    /** Nothing asked, nothing offered. */
    public static final Consent NONE = new Consent(ConsentMechanism.NONE, Optional.empty());

    public Consent {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(optOutKey, "optOutKey");
        if (mechanism == ConsentMechanism.NONE && optOutKey.isPresent()) {
            throw new IllegalArgumentException("no opt-out key without an announcement");
        }
    }

    @Override
    public String toString() {
        return mechanism + optOutKey.map(k -> ", opt-out key " + k).orElse("");
    }
}
