package io.callvault.server.sip;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** Dialled and presented numbers to E.164 (libphonenumber), for trunks and recordings. */
final class Numbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Numbers() {
    }

    /**
     * The E.164 form of {@code number} as dialled in {@code country} (ISO 3166, e.g. "US": "4155550123"
     * and "0014155550123" from "DE" both give +14155550123), if it is a possible number.
     */
    static Optional<String> e164(String number, String country) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = UTIL.parse(number, country);
            return UTIL.isPossibleNumber(parsed)
                    ? Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The country part of a location such as "US-CA" or "GB", if any. */
    static Optional<String> country(String location) {
        return location == null || location.length() < 2 ? Optional.empty() : Optional.of(location.substring(0, 2));
    }
}
