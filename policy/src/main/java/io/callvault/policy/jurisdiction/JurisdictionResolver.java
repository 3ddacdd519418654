package io.callvault.policy.jurisdiction;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.callvault.core.PhoneNumber;
import java.util.List;
import java.util.Objects;

/**
 * Places a party: country from the E.164 number (libphonenumber), US state or Canadian province from the
 * area code of a +1 number ({@link NanpAreaCodes}), and for an extension the office location the call
 * context carries. Whatever cannot be placed is {@link Location#UNKNOWN}, never a guess.
 *
 * <p>The constructor loads all of libphonenumber's metadata, so {@link #resolve} does no I/O afterwards.
 * Instances are immutable and thread-safe.
 */
public final class JurisdictionResolver {
    private static final String NON_GEO_REGION = "001";
    private static final int NANP_COUNTRY_CODE = 1;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final NanpAreaCodes areaCodes;

    public JurisdictionResolver(NanpAreaCodes areaCodes) {
        this.areaCodes = Objects.requireNonNull(areaCodes, "areaCodes");
        for (String region : util.getSupportedRegions()) {
            util.getExampleNumber(region);
        }
        for (int code : util.getSupportedGlobalNetworkCallingCodes()) {
            util.getExampleNumberForNonGeoEntity(code);
        }
    }

    /** A resolver over the built-in area-code table. */
    public static JurisdictionResolver builtIn() {
        return new JurisdictionResolver(NanpAreaCodes.builtIn());
    }

    /**
     * Resolves one party.
     *
     * @param number         E.164 number or extension
     * @param officeLocation where extensions are; {@link Location#UNKNOWN} when none is configured
     */
    public ResolvedParty resolve(PhoneNumber number, Location officeLocation) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(officeLocation, "officeLocation");
        if (number.isExtension()) {
            return officeLocation.isKnown()
                    ? new ResolvedParty(number, officeLocation, Resolution.OFFICE_LOCATION,
                            "extension " + number + " takes the office location " + officeLocation.code())
                    : unresolved(number, "extension " + number + " has no office location configured");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(number.e164(), "ZZ");
        } catch (NumberParseException e) {
            return unresolved(number, "libphonenumber cannot read " + number + ": " + e.getMessage());
        }
        return parsed.getCountryCode() == NANP_COUNTRY_CODE ? resolveNanp(number, parsed) : resolveWorld(number, parsed);
    }

    private ResolvedParty resolveWorld(PhoneNumber number, Phonenumber.PhoneNumber parsed) {
        int cc = parsed.getCountryCode();
        if (util.isValidNumber(parsed)) {
            String region = util.getRegionCodeForNumber(parsed);
            if (region == null || region.equals(NON_GEO_REGION)) {
                return new ResolvedParty(number, Location.UNKNOWN, Resolution.NON_GEOGRAPHIC,
                        "+" + cc + " is a global non-geographic service; the party's country is unknown");
            }
            return new ResolvedParty(number, Location.country(region), Resolution.E164_REGION,
                    number + " is a valid number of " + region + " (libphonenumber)");
        }
        List<String> regions = util.getRegionCodesForCountryCode(cc);
        if (regions.size() == 1 && !regions.getFirst().equals(NON_GEO_REGION)) {
            return new ResolvedParty(number, Location.country(regions.getFirst()), Resolution.E164_COUNTRY_CODE,
                    number + " is not a valid number for libphonenumber; country code +" + cc + " belongs to "
                            + regions.getFirst() + " only");
        }
        return unresolved(number, number + " is not a valid number and country code +" + cc
                + (regions.size() > 1 ? " is shared by " + String.join(", ", regions) : " names no single country"));
    }

    private ResolvedParty resolveNanp(PhoneNumber number, Phonenumber.PhoneNumber parsed) {
        String national = String.valueOf(parsed.getNationalNumber());
        if (national.length() != 10) {
            return unresolved(number, number + " is not a NANP number (+1 and ten digits)");
        }
        String npa = national.substring(0, 3);
        var row = areaCodes.lookup(npa);
        if (row.isPresent()) {
            AreaCode code = row.get();
            String note = code.note().isEmpty() ? "" : " (" + code.note() + ")";
            if (code.geographic()) {
                return new ResolvedParty(number, code.location(), Resolution.NANP_AREA_CODE,
                        "area code " + npa + " is " + code.location().code() + note);
            }
            return new ResolvedParty(number, code.location(), Resolution.NON_GEOGRAPHIC,
                    "area code " + npa + " is non-geographic" + note + (code.location().isKnown()
                            ? "; country " + code.location().country() + " only" : "; the party's location is unknown"));
        }
        String region = util.isValidNumber(parsed) ? util.getRegionCodeForNumber(parsed) : null;
        if (region != null && !region.equals(NON_GEO_REGION)) {
            return new ResolvedParty(number, Location.country(region), Resolution.E164_REGION,
                    "area code " + npa + " is not in callvault's area-code table; libphonenumber places "
                            + number + " in " + region);
        }
        return unresolved(number, "area code " + npa + " is in neither callvault's area-code table nor libphonenumber");
    }

    private static ResolvedParty unresolved(PhoneNumber number, String detail) {
        return new ResolvedParty(number, Location.UNKNOWN, Resolution.UNRESOLVED, detail);
    }
}
