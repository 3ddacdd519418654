package io.callvault.policy.jurisdiction;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the NANP area-code table.
 *
 * @param npa        the three-digit numbering plan area code, [2-9][0-9][0-9]
 * @param location   a US state or Canadian province ({@code US-CA}), a country when the code covers a whole
 *                   country or more than one subdivision ({@code CA} for 902, {@code JM}), or
 *                   {@link Location#UNKNOWN} for non-geographic codes valid across the plan (800, 500…)
 * @param geographic false for non-geographic services (toll-free, premium, personal numbers)
 * @param note       what the code is, from the table; may be empty, never null
 */
public record AreaCode(String npa, Location location, boolean geographic, String note) {
    private static final Pattern NPA = Pattern.compile("[2-9][0-9]{2}");

    public AreaCode {
        Objects.requireNonNull(location, "location");
        if (npa == null || !NPA.matcher(npa).matches()) {
            throw new IllegalArgumentException("an area code is three digits, the first 2-9, not '" + npa + "'");
        }
        note = note == null ? "" : note.strip();
    }
}
