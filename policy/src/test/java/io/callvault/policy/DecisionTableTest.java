package io.callvault.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.policy.jurisdiction.Location;
import io.callvault.policy.rules.Framework;
import io.callvault.policy.rules.LawfulBasis;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision tree over party combinations, with the built-in rules. One row a call: the context on the
 * left, the expected decision on the right.
 *
 * <ul>
 *   <li>office: location of extensions, '-' for none configured</li>
 *   <li>store: local, ext (external, no BAA), ext+baa</li>
 *   <li>consent: mechanism, then '+key' when an opt-out key is offered</li>
 *   <li>lang: the announcement's language ([languages] of the announced party's location; default en)</li>
 *   <li>warning: a text the decision's warnings must contain, '-' for no warnings</li>
 * </ul>
 */
class DecisionTableTest {
    private static final Policy POLICY = Policy.builtIn();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # scenario                                    | caller        | callee        | dir      | office | line flags | store   | pref  | purpose    | record | legs   | lang  | consent                 | frameworks                      | basis                | flags   | retention    | warning
      usOneParty_outToNewYork_notice                | 2001          | +12125550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | NOTICE                  | US_ONE_PARTY                    | n/a                  | -       | standard     | -
      usOneParty_inFromGeorgia_notice               | +14045550100  | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY                    | n/a                  | -       | standard     | -
      allParty_outToCalifornia_consent              | 2001          | +14155550123  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromConnecticut_consent            | +12035550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromDelaware_consent               | +13025550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromFlorida_consent                | +13055550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromIllinois_consent               | +13125550123  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_outToMaryland_consent                | 2001          | +14105550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_outToMassachusetts_consent           | 2001          | +16175550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_outToMichigan_consent                | 2001          | +13135550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromMontana_consent                | +14065550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromNevada_consent                 | +17025550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_outToNewHampshire_consent            | 2001          | +16035550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromOregon_consent                 | +15035550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_outToPennsylvania_consent            | 2001          | +12155550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allParty_inFromWashington_consent             | +12065550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      allPartyOffice_outToOnePartyState_consent     | 2001          | +12125550100  | out      | US-CA  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      didCaller_outToCalifornia_calleeAnnounced     | +12125550199  | +14155550123  | out      | -      | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      gdpr_inFromGermany_noticeWithOptOut           | +4930123456   | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | de    | NOTICE+9                | GDPR US_ONE_PARTY               | legitimate_interests | -       | gdpr_limited | -
      gdpr_germanOfficeToFrance_notice              | 2001          | +33142685300  | out      | DE     | -          | local   | -     | -          | yes    | CALLEE | fr    | NOTICE+9                | GDPR                            | legitimate_interests | -       | gdpr_limited | -
      gdprEea_inFromNorway_notice                   | +4722123456   | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | en    | NOTICE+9                | GDPR US_ONE_PARTY               | legitimate_interests | -       | gdpr_limited | -
      gdprOutermostRegion_inFromReunion_notice      | +262262123456 | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | en    | NOTICE+9                | GDPR US_ONE_PARTY               | legitimate_interests | -       | gdpr_limited | -
      ukGdpr_inFromLondon_notice                    | +442079460000 | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | NOTICE+9                | UK_GDPR US_ONE_PARTY            | legitimate_interests | -       | gdpr_limited | -
      ukOffice_outToGermany_bothGdprs               | 2001          | +4930123456   | out      | GB     | -          | local   | -     | -          | yes    | CALLEE | de    | NOTICE+9                | GDPR UK_GDPR                    | legitimate_interests | -       | gdpr_limited | -
      crownDependency_inFromGuernsey_strictest      | +441481256789 | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      pipeda_inFromToronto_consentByContinuing      | +14165550123  | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | en    | CONSENT_BY_CONTINUING+9 | PIPEDA US_ONE_PARTY             | n/a                  | -       | standard     | -
      pipeda_montrealOfficeToVancouver_continuing   | 2001          | +16045550123  | out      | CA-QC  | -          | local   | -     | -          | yes    | CALLEE | en    | CONSENT_BY_CONTINUING+9 | PIPEDA                          | n/a                  | -       | standard     | -
      pipedaSharedAreaCode_inFromHalifax_continuing | +19025550123  | 2001          | in       | CA-ON  | -          | local   | -     | -          | yes    | CALLER | en    | CONSENT_BY_CONTINUING+9 | PIPEDA                          | n/a                  | -       | standard     | -
      canadaToCaliforniaOffice_strictestWins        | +14165550123  | 2001          | in       | US-CA  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | PIPEDA US_ALL_PARTY             | n/a                  | -       | standard     | -
      tollFree_inFrom800_strictest                  | +18005550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      tollFree_outTo888_strictest                   | 2001          | +18885550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      premiumRate_outTo900_stateUnknownStrictest    | 2001          | +19005550100  | out      | US-TX  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      caribbean_inFromJamaica_strictest             | +18765550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      noRuleCountry_outToAustralia_strictest        | 2001          | +61291234567  | out      | US-NY  | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      globalService_inFromPlus800_strictest         | +80012345678  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      unknownAreaCode_inFrom999_strictest           | +19995550100  | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      unassignedCountryCode_in_strictest            | +999123456    | 2001          | in       | US-TX  | -          | local   | -     | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      extensionWithoutOffice_out_strictestAndWarns  | 2001          | +12125550100  | out      | -      | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | no office location
      officeCountryOnly_outToTexas_strictest        | 2001          | +12145550100  | out      | US     | -          | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      internal_texasOffice_noLegAnnounced           | 2001          | 2002          | internal | US-TX  | -          | local   | -     | -          | yes    | NONE   | en    | NOTICE                  | US_ONE_PARTY                    | n/a                  | -       | standard     | -
      internal_californiaOffice_consentNoLeg        | 2001          | 2002          | internal | US-CA  | -          | local   | -     | -          | yes    | NONE   | en    | ALL_PARTY_CONSENT       | US_ALL_PARTY                    | n/a                  | -       | standard     | -
      internal_germanOffice_gdprNoLeg               | 2001          | 2002          | internal | DE     | -          | local   | -     | -          | yes    | NONE   | en    | NOTICE                  | GDPR                            | legitimate_interests | -       | gdpr_limited | -
      hipaa_localStore_phiNoWarning                 | +12125550100  | 2100          | in       | US-NY  | hipaa      | local   | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY HIPAA              | n/a                  | phi     | health       | -
      hipaa_externalStoreNoBaa_warns                | +12125550100  | 2100          | in       | US-NY  | hipaa      | ext     | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY HIPAA              | n/a                  | phi     | health       | business associate agreement
      hipaa_externalStoreWithBaa_noWarning          | +12125550100  | 2100          | in       | US-NY  | hipaa      | ext+baa | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY HIPAA              | n/a                  | phi     | health       | -
      hipaa_outToCalifornia_consentAndPhi           | 2100          | +14155550123  | out      | US-NY  | hipaa      | local   | -     | -          | yes    | CALLEE | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY HIPAA | n/a                  | phi     | health       | -
      pci_inFromTexas_pause                         | +12145550100  | 2200          | in       | US-TX  | pci        | local   | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY PCI_DSS            | n/a                  | pci     | payments     | -
      pci_externalStore_noBaaWarning                | +12145550100  | 2200          | in       | US-TX  | pci        | ext     | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY PCI_DSS            | n/a                  | pci     | payments     | -
      hipaaAndPci_gdprCaller_healthRetention        | +4930123456   | 2100          | in       | US-NY  | hipaa pci  | local   | -     | -          | yes    | CALLER | de    | NOTICE+9                | GDPR US_ONE_PARTY HIPAA PCI_DSS | legitimate_interests | phi pci | health       | -
      pciAndGdpr_inFromFrance_paymentsRetention     | +33142685300  | 2200          | in       | US-NY  | pci        | local   | -     | -          | yes    | CALLER | fr    | NOTICE+9                | GDPR US_ONE_PARTY PCI_DSS       | legitimate_interests | pci     | payments     | -
      unknownLineFlag_ignoredWithWarning            | +12125550100  | 2100          | in       | US-NY  | hipa       | local   | -     | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY                    | n/a                  | -       | standard     | line flag 'hipa'
      recordprefOff_onePartyStillRecorded           | +12145550100  | 2001          | in       | US-NY  | -          | local   | off   | -          | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY                    | n/a                  | -       | standard     | -
      recordprefOff_allPartyNotRecorded             | +14155550123  | 2001          | in       | US-TX  | -          | local   | off   | -          | no     | NONE   | en    | NONE                    | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      recordprefPause_pipedaNotRecorded             | +14165550123  | 2001          | in       | US-NY  | -          | local   | pause | -          | no     | NONE   | en    | NONE                    | PIPEDA US_ONE_PARTY             | n/a                  | -       | standard     | -
      recordprefOff_unknownLocationNotRecorded      | +18005550100  | 2001          | in       | US-TX  | -          | local   | off   | -          | no     | NONE   | en    | NONE                    | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      recordprefOn_allPartyRecorded                 | +14155550123  | 2001          | in       | US-TX  | -          | local   | on    | -          | yes    | CALLER | en    | ALL_PARTY_CONSENT+9     | US_ALL_PARTY US_ONE_PARTY       | n/a                  | -       | standard     | -
      recordprefOff_gdprLegitimateInterestsRecorded | +4930123456   | 2001          | in       | US-NY  | -          | local   | off   | -          | yes    | CALLER | de    | NOTICE+9                | GDPR US_ONE_PARTY               | legitimate_interests | -       | gdpr_limited | -
      purposeLegalObligation_gdpr_noOptOut          | +4930123456   | 2001          | in       | US-NY  | -          | local   | -     | regulatory | yes    | CALLER | de    | NOTICE                  | GDPR US_ONE_PARTY               | legal_obligation     | -       | gdpr_limited | -
      purposeUnknown_gdpr_consentAssumed            | +4930123456   | 2001          | in       | US-NY  | -          | local   | -     | marketing  | yes    | CALLER | de    | ALL_PARTY_CONSENT+9     | GDPR US_ONE_PARTY               | consent              | -       | gdpr_limited | purpose 'marketing'
      purposeUnknown_noGdpr_basisNotApplicable      | +12145550100  | 2001          | in       | US-NY  | -          | local   | -     | marketing  | yes    | CALLER | en    | NOTICE                  | US_ONE_PARTY                    | n/a                  | -       | standard     | purpose 'marketing'
      language_inFromQuebec_subdivisionWinsFrench   | +15145550123  | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | fr    | CONSENT_BY_CONTINUING+9 | PIPEDA US_ONE_PARTY             | n/a                  | -       | standard     | -
      language_inFromToronto_countryUnmappedDefault | +14165550123  | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | en    | CONSENT_BY_CONTINUING+9 | PIPEDA US_ONE_PARTY             | n/a                  | -       | standard     | -
      language_outToAustria_german                  | 2001          | +4315123456   | out      | US-NY  | -          | local   | -     | -          | yes    | CALLEE | de    | NOTICE+9                | GDPR US_ONE_PARTY               | legitimate_interests | -       | gdpr_limited | -
      language_outToMexico_spanish                  | 2001          | +525512345678 | out      | US-NY  | -          | local   | -     | -          | yes    | CALLEE | es    | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      language_inFromBrazil_regionalTag             | +551123456789 | 2001          | in       | US-NY  | -          | local   | -     | -          | yes    | CALLER | pt-BR | ALL_PARTY_CONSENT+9     | US_ONE_PARTY UNKNOWN_STRICT     | n/a                  | -       | standard     | -
      language_germanOfficeInternal_noLegDefault    | 2001          | 2002          | internal | DE     | -          | local   | -     | -          | yes    | NONE   | en    | NOTICE                  | GDPR                            | legitimate_interests | -       | gdpr_limited | -
      language_refusedFromGermany_default          | +4930123456   | 2001          | in       | US-CA  | -          | local   | off   | -          | no     | NONE   | en    | NONE                    | GDPR US_ALL_PARTY               | legitimate_interests | -       | gdpr_limited | -
      """)
    void partyCombination_decidesAsTabled(String scenario, String caller, String callee, String direction,
                                          String office, String lineFlags, String store, String pref, String purpose,
                                          String record, String legs, String language, String consent, String frameworks,
                                          String basis, String flags, String retention, String warning) {
        CallContext call = CallContext.of(caller, callee, direction)
                .withOfficeLocation(office.equals("-") ? Location.UNKNOWN : Location.parse(office))
                .withLineFlags(words(lineFlags))
                .withBlobStore(store.startsWith("ext"), store.equals("ext+baa"))
                .withRecordPreference(pref.equals("-") ? RecordPreference.NO_PREFERENCE : RecordPreference.parse(pref))
                .withPurpose(purpose.equals("-") ? null : purpose);

        Decision d = POLICY.decide(call);

        String why = "\n" + d.describe();
        assertThat(d.record()).as("record" + why).isEqualTo(record.equals("yes"));
        assertThat(d.announceTo()).as("legs" + why).isEqualTo(Legs.valueOf(legs));
        assertThat(d.announce()).as("announce" + why).isEqualTo(!legs.equals("NONE"));
        assertThat(d.announcementLanguage()).as("language" + why).isEqualTo(language);
        String[] mechanismAndKey = consent.split("\\+");
        assertThat(d.consent().mechanism()).as("consent" + why).isEqualTo(ConsentMechanism.valueOf(mechanismAndKey[0]));
        assertThat(d.consent().optOutKey()).as("opt-out key" + why)
                .isEqualTo(mechanismAndKey.length > 1 ? Optional.of(mechanismAndKey[1]) : Optional.empty());
        assertThat(d.frameworks()).as("frameworks" + why).containsExactlyInAnyOrderElementsOf(
                words(frameworks).stream().map(Framework::valueOf).toList());
        assertThat(d.lawfulBasis()).as("lawful basis" + why).isEqualTo(basis.equals("n/a")
                ? LawfulBasis.NOT_APPLICABLE : LawfulBasis.parse(basis));
        assertThat(d.flags()).as("flags" + why).isEqualTo(new Flags(flags.contains("phi"), flags.contains("pci")));
        assertThat(d.phiRoles()).as("PHI roles" + why).isEqualTo(flags.contains("phi") ? Set.of("compliance") : Set.of());
        assertThat(d.retention().retentionClass()).as("retention" + why).isEqualTo(retention);
        if (warning.equals("-")) {
            assertThat(d.warnings()).as("warnings" + why).isEmpty();
        } else {
            assertThat(d.warnings()).as("warnings" + why).anySatisfy(w -> assertThat(w).contains(warning));
        }
        assertThat(d.reasons()).as("reasons" + why).isNotEmpty();
        assertThat(d.rulesVersion()).isEqualTo(POLICY.rules().version());
    }

    private static Set<String> words(String text) {
        return text.equals("-") ? Set.of()
                : Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toCollection(TreeSet::new));
    }
}
