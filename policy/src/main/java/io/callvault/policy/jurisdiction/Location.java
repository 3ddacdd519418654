package io.callvault.policy.jurisdiction;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a party is, as far as the policy can tell: an ISO 3166-1 alpha-2 country and, when known, an
 * ISO 3166-2 subdivision of it ({@code US-CA}, {@code CA-ON}). {@link #UNKNOWN} (country {@code ZZ}, the
 * code libphonenumber also uses for "no region") stands for a location that could not be resolved; the
 * policy treats it as the strictest case.
 *
 * <p>Only the form of the codes is checked here; whether a code names a real country or state is checked
 * where codes come from operators (the rule file loader, {@link IsoCodes}).
 *
 * @param country     two upper-case letters; never null
 * @param subdivision {@code country + "-" + 1..3 letters or digits}, or null when only the country is known
 */
public record Location(String country, String subdivision) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final String UNKNOWN_COUNTRY = "ZZ";
    // UNKNOWN must come after the patterns: its construction runs the checks below.
    /** The location of a party nobody could place. */
    public static final Location UNKNOWN = new Location(UNKNOWN_COUNTRY, null);

    public Location {
        Objects.requireNonNull(country, "country");
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("a country is two upper-case letters (ISO 3166-1 alpha-2, e.g. DE), not '"
                    + country + "'");
        }
        if (subdivision != null && (!SUBDIVISION.matcher(subdivision).matches()
                || !subdivision.startsWith(country + "-"))) {
            throw new IllegalArgumentException("a subdivision of " + country + " is written " + country
                    + "-XX (ISO 3166-2, e.g. US-CA), not '" + subdivision + "'");
        }
        if (subdivision != null && country.equals(UNKNOWN_COUNTRY)) {
            throw new IllegalArgumentException("the unknown location has no subdivision");
        }
    }

    /** A country-only location. */
    public static Location country(String iso3166Alpha2) {
        return new Location(iso3166Alpha2, null);
    }

    /**
     * Parses {@code DE} (a country) or {@code US-CA} (a subdivision, whose country is the part before '-').
     *
     * @throws IllegalArgumentException saying which form was expected
     */
    public static Location parse(String code) {
        String text = code == null ? "" : code.strip();
        int dash = text.indexOf('-');
        return dash < 0 ? new Location(text, null) : new Location(text.substring(0, dash), text);
    }

    public boolean isKnown() {
        return !country.equals(UNKNOWN_COUNTRY);
    }

    public boolean hasSubdivision() {
        return subdivision != null;
    }

    /** The most precise code: the subdivision if known, else the country ({@code ZZ} when unknown). */
    public String code() {
        return subdivision != null ? subdivision : country;
    }

    @Override
    public String toString() {
        return isKnown() ? code() : "unknown";
    }
}
