package io.callvault.policy;

import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.jurisdiction.Location;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the policy knows about a call when it starts; the only input of {@link Policy#decide}.
 *
 * @param caller            E.164 number or extension of the party who placed the call
 * @param callee            E.164 number or extension of the party called
 * @param direction         seen from the business: IN (a customer called), OUT, or INTERNAL
 * @param lineFlags         industry flags of the line or extension ({@code hipaa}, {@code pci}), as the SIP
 *                          layer knows them; the rule file's [lines] section adds to them. Unknown flags are
 *                          reported as warnings. Never null.
 * @param officeLocation    where the business's extensions are (ISO 3166-1 or 3166-2, e.g. {@code US-TX});
 *                          {@link Location#UNKNOWN} when none is configured, which makes them strictest
 * @param externalBlobStore recordings go to a storage provider outside the business (e.g. S3)
 * @param baaRecorded       a HIPAA business associate agreement with that provider is on record
 * @param recordPreference  what a party's softphone signalled with {@code a=recordpref} (RFC 7866 §6)
 * @param purpose           why the call is recorded, a key of the rules' [purposes]; null for the default
 */
public record CallContext(PhoneNumber caller, PhoneNumber callee, Direction direction, Set<String> lineFlags,
                          Location officeLocation, boolean externalBlobStore, boolean baaRecorded,
                          RecordPreference recordPreference, String purpose) {
    public CallContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(officeLocation, "officeLocation");
        Objects.requireNonNull(recordPreference, "recordPreference");
        lineFlags = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(lineFlags, "lineFlags")));
    }

    /** A call with no flags, no office location, local storage, no preference and the default purpose. */
    public static CallContext of(PhoneNumber caller, PhoneNumber callee, Direction direction) {
        return new CallContext(caller, callee, direction, Set.of(), Location.UNKNOWN, false, false,
                RecordPreference.NO_PREFERENCE, null);
    }

    /** Convenience for tests and the CLI: numbers as text, direction as {@code in}, {@code out}, {@code internal}. */
    public static CallContext of(String caller, String callee, String direction) {
        return of(PhoneNumber.of(caller), PhoneNumber.of(callee), Direction.parse(direction));
    }

    public CallContext withLineFlags(Set<String> flags) {
        return new CallContext(caller, callee, direction, flags, officeLocation, externalBlobStore, baaRecorded,
                recordPreference, purpose);
    }

    public CallContext withOfficeLocation(Location location) {
        return new CallContext(caller, callee, direction, lineFlags, location, externalBlobStore, baaRecorded,
                recordPreference, purpose);
    }

    public CallContext withBlobStore(boolean external, boolean baa) {
        return new CallContext(caller, callee, direction, lineFlags, officeLocation, external, baa,
                recordPreference, purpose);
    }

    public CallContext withRecordPreference(RecordPreference preference) {
        return new CallContext(caller, callee, direction, lineFlags, officeLocation, externalBlobStore, baaRecorded,
                preference, purpose);
    }

    /** @param name a key of the rules' [purposes], or null for the default purpose */
    public CallContext withPurpose(String name) {
        return new CallContext(caller, callee, direction, lineFlags, officeLocation, externalBlobStore, baaRecorded,
                recordPreference, name);
    }
}
