package io.callvault.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A party's number in E.164 form: '+', a country code that does not start with 0, at most 15 digits
 * in all (ITU-T E.164 §6). Only the form is checked here; which country or state a number belongs to
 * is the policy module's concern.
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number (expected '+' then 2 to 15 digits, "
                    + "no spaces, e.g. +14155550123): '" + e164 + "'");
        }
    }

    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164 == null ? null : e164.trim());
    }

    @Override
    public String toString() {
        return e164;
    }
}
