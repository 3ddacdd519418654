package io.callvault.policy.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.callvault.core.PhoneNumber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** callvault's NANP area-code table: spot checks, and agreement with libphonenumber's metadata. */
class AreaCodeTableTest {
    private static final NanpAreaCodes TABLE = NanpAreaCodes.builtIn();
    private static final JurisdictionResolver RESOLVER = new JurisdictionResolver(TABLE);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
      # area code | location | how
      # every state of the default all-party list
      415 | US-CA | NANP_AREA_CODE
      203 | US-CT | NANP_AREA_CODE
      302 | US-DE | NANP_AREA_CODE
      305 | US-FL | NANP_AREA_CODE
      312 | US-IL | NANP_AREA_CODE
      410 | US-MD | NANP_AREA_CODE
      617 | US-MA | NANP_AREA_CODE
      313 | US-MI | NANP_AREA_CODE
      406 | US-MT | NANP_AREA_CODE
      702 | US-NV | NANP_AREA_CODE
      603 | US-NH | NANP_AREA_CODE
      503 | US-OR | NANP_AREA_CODE
      215 | US-PA | NANP_AREA_CODE
      206 | US-WA | NANP_AREA_CODE
      # overlays of all-party states
      628 | US-CA | NANP_AREA_CODE
      959 | US-CT | NANP_AREA_CODE
      448 | US-FL | NANP_AREA_CODE
      872 | US-IL | NANP_AREA_CODE
      227 | US-MD | NANP_AREA_CODE
      # one-party states and DC
      212 | US-NY | NANP_AREA_CODE
      214 | US-TX | NANP_AREA_CODE
      404 | US-GA | NANP_AREA_CODE
      202 | US-DC | NANP_AREA_CODE
      771 | US-DC | NANP_AREA_CODE
      907 | US-AK | NANP_AREA_CODE
      808 | US-HI | NANP_AREA_CODE
      # provinces
      416 | CA-ON | NANP_AREA_CODE
      613 | CA-ON | NANP_AREA_CODE
      514 | CA-QC | NANP_AREA_CODE
      418 | CA-QC | NANP_AREA_CODE
      604 | CA-BC | NANP_AREA_CODE
      403 | CA-AB | NANP_AREA_CODE
      204 | CA-MB | NANP_AREA_CODE
      306 | CA-SK | NANP_AREA_CODE
      506 | CA-NB | NANP_AREA_CODE
      709 | CA-NL | NANP_AREA_CODE
      # shared by several provinces or territories: country only
      902 | CA    | NANP_AREA_CODE
      782 | CA    | NANP_AREA_CODE
      867 | CA    | NANP_AREA_CODE
      # NANP members outside the US and Canada: country only
      876 | JM    | NANP_AREA_CODE
      787 | PR    | NANP_AREA_CODE
      809 | DO    | NANP_AREA_CODE
      441 | BM    | NANP_AREA_CODE
      # non-geographic
      800 | ZZ    | NON_GEOGRAPHIC
      833 | ZZ    | NON_GEOGRAPHIC
      844 | ZZ    | NON_GEOGRAPHIC
      855 | ZZ    | NON_GEOGRAPHIC
      866 | ZZ    | NON_GEOGRAPHIC
      877 | ZZ    | NON_GEOGRAPHIC
      888 | ZZ    | NON_GEOGRAPHIC
      500 | ZZ    | NON_GEOGRAPHIC
      700 | ZZ    | NON_GEOGRAPHIC
      900 | US    | NON_GEOGRAPHIC
      600 | CA    | NON_GEOGRAPHIC
      # unknown code: no location, strictest downstream
      999 | ZZ    | UNRESOLVED
      """)
    void areaCode_resolvesToTabledLocation(String npa, String location, Resolution how) {
        ResolvedParty party = RESOLVER.resolve(PhoneNumber.of("+1" + npa + "5550100"), Location.UNKNOWN);

        Location expected = location.equals("ZZ") ? Location.UNKNOWN : Location.parse(location);
        assertThat(party.location()).isEqualTo(expected);
        assertThat(party.how()).isEqualTo(how);
        assertThat(party.detail()).contains(npa);
    }

    @Test
    void everyUsAndCanadianCodeLibphonenumberKnows_isInTheTableWithItsCountry() {
        List<String> missing = new ArrayList<>();
        for (int npa = 200; npa <= 999; npa++) {
            String region = geographicRegion(npa);
            if (region == null) {
                continue;
            }
            var row = TABLE.lookup(String.valueOf(npa));
            if (row.isEmpty() || !row.get().location().country().equals(region) || !row.get().geographic()) {
                missing.add(npa + " (" + region + ")");
            }
        }
        assertThat(missing).as("geographic codes libphonenumber assigns to the US or Canada").isEmpty();
    }

    @Test
    void everyNanpCountry_exampleNumberAgreesWithTable() {
        for (String region : UTIL.getRegionCodesForCountryCode(1)) {
            Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region,
                    PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
            String npa = String.valueOf(example.getNationalNumber()).substring(0, 3);
            Location location = TABLE.lookup(npa).orElseThrow(() -> new AssertionError(region + " " + npa)).location();
            assertThat(location.country()).as(region + " example area code " + npa).isEqualTo(region);
        }
    }

    @Test
    void everyStateAndDc_hasAnAreaCode() {
        Set<String> seen = new HashSet<>();
        TABLE.all().values().forEach(code -> seen.add(code.location().code()));
        assertThat(seen).containsAll(IsoCodes.US_STATES);
        assertThat(seen).contains("CA-AB", "CA-BC", "CA-MB", "CA-NB", "CA-NL", "CA-ON", "CA-QC", "CA-SK");
    }

    @Test
    void everySubdivisionInTable_isAKnownCode() {
        TABLE.all().values().stream().map(AreaCode::location).filter(Location::hasSubdivision)
                .forEach(l -> assertThat(IsoCodes.isKnownSubdivision(l.subdivision())).as(l.code()).isTrue());
    }

    @Test
    void malformedTableLine_reportsNameAndLine() {
        assertThatThrownBy(() -> NanpAreaCodes.parse("t.txt", "# header\n415 US-CA geo\n416 CA-ON\n"))
                .hasMessage("t.txt:3: expected 'NPA LOCATION geo|nongeo', found '416 CA-ON'");
        assertThatThrownBy(() -> NanpAreaCodes.parse("t.txt", "415 US-CA geo\n415 US-NY geo\n"))
                .hasMessage("t.txt:2: area code 415 is listed twice");
        assertThatThrownBy(() -> NanpAreaCodes.parse("t.txt", "115 US-CA geo\n"))
                .hasMessageStartingWith("t.txt:1: an area code is three digits");
    }

    /** US or CA when libphonenumber knows {@code npa} as a geographic code of one of them, else null. */
    private static String geographicRegion(int npa) {
        for (String exchange : List.of("2345678", "3456789", "4567890", "5234567", "6234567", "7234567",
                "8234567", "9234567", "2001234", "2121234", "2221234", "7771234")) {
            try {
                Phonenumber.PhoneNumber n = UTIL.parse("+1" + npa + exchange, "ZZ");
                String region = UTIL.getRegionCodeForNumber(n);
                PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(n);
                boolean geographic = type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE
                        || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE
                        || type == PhoneNumberUtil.PhoneNumberType.MOBILE;
                if (geographic && ("US".equals(region) || "CA".equals(region))) {
                    return region;
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                throw new AssertionError(e);
            }
        }
        return null;
    }
}
