package io.callvault.policy.jurisdiction;

import io.callvault.core.PhoneNumber;
import java.util.Objects;

/**
 * A party's number with the location resolved for it.
 *
 * @param number   as the call context gave it
 * @param location {@link Location#UNKNOWN} when {@code how} is {@link Resolution#UNRESOLVED} or a
 *                 non-geographic code gave no country
 * @param how      which path of the resolver placed it
 * @param detail   one sentence for people, e.g. "area code 415 is California"
 */
public record ResolvedParty(PhoneNumber number, Location location, Resolution how, String detail) {
    public ResolvedParty {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(detail, "detail");
        if (how == Resolution.UNRESOLVED && location.isKnown()) {
            throw new IllegalArgumentException("an unresolved party cannot have a location: " + location);
        }
    }

    /** True for an internal extension (no '+'). */
    public boolean isExtension() {
        return number.isExtension();
    }
}
