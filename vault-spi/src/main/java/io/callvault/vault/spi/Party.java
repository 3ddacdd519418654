package io.callvault.vault.spi;

import io.callvault.core.PhoneNumber;
import java.util.Objects;

/** One side of a call: its E.164 number and, if known, the display name it presented. */
public record Party(PhoneNumber number, String displayName) {
    public Party {
        Objects.requireNonNull(number, "number");
        if (displayName != null && displayName.length() > 200) {
            throw new IllegalArgumentException("display name longer than 200 characters");
        }
    }

    public static Party of(String e164) {
        return new Party(PhoneNumber.of(e164), null);
    }
}
