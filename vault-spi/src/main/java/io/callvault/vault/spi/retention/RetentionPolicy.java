package io.callvault.vault.spi.retention;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A retention class: recordings it applies to are kept {@code retainDays} after they start, then
 * crypto-shredded. A recording gets the matching policy with the highest {@code priority} (then by name);
 * a policy matches when the recording has every tag in {@code match} with that value (or, for the key
 * {@code retention}, names the policy); a policy with an empty {@code match} matches everything, which is
 * how the default is written.
 *
 * @param overridesErasure the law obliges keeping these recordings: an erasure request does not delete
 *                         them before their time (the response says so)
 */
public record RetentionPolicy(String name, int retainDays, Map<String, String> match, int priority,
                              boolean overridesErasure, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    public static final int MAX_DAYS = 36_500;

    public RetentionPolicy {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a retention policy name is 1-40 of a-z, 0-9, '_', '-', not '"
                    + name + "'");
        }
        if (retainDays < 1 || retainDays > MAX_DAYS) {
            throw new IllegalArgumentException("retainDays of policy " + name + " must be 1.." + MAX_DAYS
                    + ", not " + retainDays);
        }
        match = Collections.unmodifiableMap(new TreeMap<>(match == null ? Map.of() : match));
        description = description == null ? "" : description.strip();
    }
}
