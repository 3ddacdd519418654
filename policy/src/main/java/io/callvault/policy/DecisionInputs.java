package io.callvault.policy;

import io.callvault.core.Direction;
import io.callvault.policy.jurisdiction.ResolvedParty;
import io.callvault.policy.rules.LineFlag;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a decision was made from, as resolved: kept with the decision so it can be audited later without
 * re-resolving numbers against tables that may have changed.
 *
 * @param caller            the caller with their resolved location and how it was found
 * @param callee            the same for the callee
 * @param direction         as in the call context
 * @param lineFlags         the known flags that applied: the context's and the rules' [lines] for either number
 * @param recordPreference  as in the call context
 * @param purpose           the purpose used (the context's, or the rules' default)
 * @param externalBlobStore as in the call context
 * @param baaRecorded       as in the call context
 */
public record DecisionInputs(ResolvedParty caller, ResolvedParty callee, Direction direction, Set<LineFlag> lineFlags,
                             RecordPreference recordPreference, String purpose, boolean externalBlobStore,
                             boolean baaRecorded) {
    public DecisionInputs {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(recordPreference, "recordPreference");
        Objects.requireNonNull(purpose, "purpose");
        lineFlags = Collections.unmodifiableSet(lineFlags.isEmpty() ? EnumSet.noneOf(LineFlag.class) : EnumSet.copyOf(lineFlags));
    }
}
