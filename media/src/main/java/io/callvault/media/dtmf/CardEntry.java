package io.callvault.media.dtmf;

import java.util.Objects;

/**
 * A run of keyed digits that looks like card data, as {@link CardNumberWatcher} reports it: where it was
 * keyed and how long it was, never the digits. Positions are those the digits were reported with.
 *
 * @param kind            what the run looks like
 * @param digits          how many digits it had
 * @param firstDigitStart start of its first digit
 * @param firstDigitEnd   end of its first digit
 * @param lastDigitEnd    end of its last digit
 */
public record CardEntry(Kind kind, int digits, long firstDigitStart, long firstDigitEnd, long lastDigitEnd) {
    public enum Kind {
        /** 13 to 19 digits passing the Luhn check. */
        CARD_NUMBER,
        /** 3 or 4 digits after a card number (a security code, or an expiry date before one). */
        SECURITY_CODE
    }

    public CardEntry {
        Objects.requireNonNull(kind, "kind");
        if (digits < 1) {
            throw new IllegalArgumentException("a run has at least one digit, not " + digits);
        }
        if (firstDigitEnd < firstDigitStart || lastDigitEnd < firstDigitEnd) {
            throw new IllegalArgumentException("positions out of order: " + firstDigitStart + ", " + firstDigitEnd
                    + ", " + lastDigitEnd);
        }
    }
}
