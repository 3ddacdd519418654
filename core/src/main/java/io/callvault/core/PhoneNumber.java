package io.callvault.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A party's number: either E.164 ('+', a country code that does not start with 0, at most 15 digits in
 * all, ITU-T E.164 §6) for parties outside, or an internal extension number (2 to 15 digits, no '+') for
 * the business's own softphones. Only the form is checked here; which country or state a number belongs
 * to is the policy module's concern.
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,15}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches() && !EXTENSION.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number (expected '+' then 2 to 15 digits, "
                    + "no spaces, e.g. +14155550123) nor an extension number (2 to 15 digits): '" + e164 + "'");
        }
    }

    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164 == null ? null : e164.trim());
    }

    /** True for an internal extension number, false for an E.164 number. */
    public boolean isExtension() {
        return !e164.startsWith("+");
    }

    @Override
    public String toString() {
        return e164;
    }
}
