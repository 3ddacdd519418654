package io.callvault.policy.jurisdiction;

import java.util.Locale;
import java.util.Set;

/**
 * The code lists operators' codes are checked against: ISO 3166-1 alpha-2 countries (as the JDK knows
 * them), the ISO 3166-2 codes of the 50 US states and the District of Columbia, and of the 13 Canadian
 * provinces and territories. Thread-safe and immutable.
 */
public final class IsoCodes {
    /** US-XX for the 50 states and DC; territories (PR, GU, VI, AS, MP) are countries in their own right here. */
    public static final Set<String> US_STATES = Set.of(
            "US-AL", "US-AK", "US-AZ", "US-AR", "US-CA", "US-CO", "US-CT", "US-DE", "US-DC", "US-FL", "US-GA",
            "US-HI", "US-ID", "US-IL", "US-IN", "US-IA", "US-KS", "US-KY", "US-LA", "US-ME", "US-MD", "US-MA",
            "US-MI", "US-MN", "US-MS", "US-MO", "US-MT", "US-NE", "US-NV", "US-NH", "US-NJ", "US-NM", "US-NY",
            "US-NC", "US-ND", "US-OH", "US-OK", "US-OR", "US-PA", "US-RI", "US-SC", "US-SD", "US-TN", "US-TX",
            "US-UT", "US-VT", "US-VA", "US-WA", "US-WV", "US-WI", "US-WY");

    /** CA-XX for the ten provinces and three territories. */
    public static final Set<String> CA_PROVINCES = Set.of(
            "CA-AB", "CA-BC", "CA-MB", "CA-NB", "CA-NL", "CA-NS", "CA-ON", "CA-PE", "CA-QC", "CA-SK",
            "CA-NT", "CA-NU", "CA-YT");

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private IsoCodes() {
    }

    /** True for an assigned ISO 3166-1 alpha-2 code as the running JDK lists it (so not ZZ, not XK). */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** True for a subdivision code this module knows: a US state, DC, or a Canadian province or territory. */
    public static boolean isKnownSubdivision(String code) {
        return US_STATES.contains(code) || CA_PROVINCES.contains(code);
    }
}
