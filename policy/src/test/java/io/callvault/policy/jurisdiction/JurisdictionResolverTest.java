package io.callvault.policy.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of the resolver: extensions, valid and invalid E.164 numbers, global services. */
class JurisdictionResolverTest {
    private static final JurisdictionResolver RESOLVER = JurisdictionResolver.builtIn();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # scenario                                  | number        | office | location | how               | detail
      extensionWithOffice_takesOfficeLocation     | 2001          | US-TX  | US-TX    | OFFICE_LOCATION   | office location US-TX
      extensionWithCountryOffice_countryOnly      | 2001          | DE     | DE       | OFFICE_LOCATION   | office location DE
      extensionWithoutOffice_unresolved           | 2001          | -      | ZZ       | UNRESOLVED        | no office location configured
      validGermanNumber_regionFromLibphonenumber  | +4930123456   | US-TX  | DE       | E164_REGION       | valid number of DE
      alandNumber_ownRegion                       | +35818123456  | -      | AX       | E164_REGION       | valid number of AX
      guernseyNumber_notGreatBritain              | +441481256789 | -      | GG       | E164_REGION       | valid number of GG
      invalidGermanNumber_countryCodeOnly         | +4912         | -      | DE       | E164_COUNTRY_CODE | belongs to DE only
      invalidSharedCountryCode_unresolved         | +4412         | -      | ZZ       | UNRESOLVED        | shared by GB, GG, IM, JE
      unassignedCountryCode_unresolved            | +999123456    | -      | ZZ       | UNRESOLVED        | cannot read
      globalFreephone_nonGeographic               | +80012345678  | -      | ZZ       | NON_GEOGRAPHIC    | global non-geographic service
      shortNanpNumber_unresolved                  | +1415555      | -      | ZZ       | UNRESOLVED        | not a NANP number
      californiaNumber_stateFromTable             | +14155550123  | -      | US-CA    | NANP_AREA_CODE    | area code 415 is US-CA
      novaScotiaNumber_countryFromTable           | +19025550123  | -      | CA       | NANP_AREA_CODE    | Nova Scotia and Prince Edward Island
      tollFreeNumber_unknown                      | +18885550100  | -      | ZZ       | NON_GEOGRAPHIC    | toll-free
      """)
    void number_resolvesAsTabled(String scenario, String number, String office, String location, Resolution how,
                                 String detail) {
        Location officeLocation = office.equals("-") ? Location.UNKNOWN : Location.parse(office);

        ResolvedParty party = RESOLVER.resolve(PhoneNumber.of(number), officeLocation);

        assertThat(party.location()).isEqualTo(location.equals("ZZ") ? Location.UNKNOWN : Location.parse(location));
        assertThat(party.how()).isEqualTo(how);
        assertThat(party.detail()).contains(detail);
    }
}
