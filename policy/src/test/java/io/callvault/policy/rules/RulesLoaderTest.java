package io.callvault.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.callvault.core.PhoneNumber;
import io.callvault.policy.jurisdiction.Location;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading and validating rule files: every kind of mistake is reported as FILE:LINE: REASON. */
class RulesLoaderTest {
    /** A small valid base; the error table edits one line of it. Line numbers matter. */
    private static final String BASE = """
            version = t1
            [general]
            announce_one_party = yes
            announce_own_side = no
            opt_out_key = 9
            default_purpose = quality
            [us]
            all_party_states = US-CA
            [countries]
            gdpr = DE FR
            uk_gdpr = GB
            pipeda = CA
            [purposes]
            quality = legitimate_interests
            [retention_classes]
            standard = 365
            short = 30
            [retention]
            default = standard
            by_framework = GDPR:short
            [lines]
            [hipaa]
            phi_roles = compliance
            [languages]
            default = en
            DE = de
            CA-QC = fr
            """;

    @Test
    void smallBase_loads() {
        RuleSet rules = RulesLoader.load(List.of(new RuleSource("rules.conf", BASE)));
        assertThat(rules.version()).isEqualTo("t1");
        assertThat(rules.allPartyStates()).containsExactly("US-CA");
        assertThat(rules.retentionByFramework()).containsExactly(new FrameworkRetention(Framework.GDPR, "short"));
        assertThat(rules.origin("us.all_party_states", "US-CA")).isEqualTo("rules.conf:8");
        assertThat(rules.defaultLanguage()).isEqualTo("en");
        assertThat(rules.languages()).containsExactly(entry("DE", "de"), entry("CA-QC", "fr"));
        assertThat(rules.language(Location.parse("CA-QC"))).isEqualTo("fr");
        assertThat(rules.language(Location.parse("CA-ON"))).isEqualTo("en");
        assertThat(rules.language(Location.parse("DE"))).isEqualTo("de");
        assertThat(rules.language(Location.UNKNOWN)).isEqualTo("en");
        assertThat(rules.origin("languages.CA-QC")).isEqualTo("rules.conf:27");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # scenario                             | edit    | at | text                                      | line | reason
      unknownKey_reported                    | replace | 4  | announce_own_sde = no                     | 4    | unknown key 'announce_own_sde' in [general]; known: announce_one_party, announce_own_side, opt_out_key, default_purpose
      badUsState_reported                    | replace | 8  | all_party_states = US-CA US-XX            | 8    | unknown US state 'US-XX' in all_party_states
      bareStateCode_suggestsPrefix           | replace | 8  | all_party_states = CA                     | 8    | unknown US state 'CA' in all_party_states (write US-CA)
      badCountryCode_reported                | replace | 10 | gdpr = DE XX                              | 10   | unknown country 'XX' in gdpr (ISO 3166-1 alpha-2, e.g. DE)
      duplicateSection_reported              | insert  | 23 | [us]                                      | 24   | duplicate section [us] (first at line 7)
      badNumberOfDays_reported               | replace | 16 | standard = abc                            | 16   | bad number 'abc' for retention class 'standard'
      daysOutOfRange_reported                | replace | 16 | standard = 40000                          | 16   | bad number '40000' for retention class 'standard': a whole number of days from 1 to 36500
      missingVersion_reported                | replace | 1  | # no version                              | 2    | missing version: the file must start with 'version = …'
      badVersion_reported                    | replace | 1  | version = two words                       | 1    | bad version 'two words'
      versionTwice_reported                  | insert  | 23 | version = t2                              | 24   | version is written once
      unknownFramework_reported              | replace | 20 | by_framework = GDRP:short                 | 20   | unknown framework 'GDRP' in by_framework; known: GDPR, UK_GDPR
      frameworkWithoutClass_reported         | replace | 20 | by_framework = GDPR                       | 20   | by_framework entries are FRAMEWORK:class
      frameworkTwice_reported                | replace | 20 | by_framework = GDPR:short GDPR:standard   | 20   | framework GDPR appears twice in by_framework
      undefinedRetentionClass_reported       | replace | 20 | by_framework = GDPR:long                  | 20   | by_framework names retention class 'long', which [retention_classes] does not define
      undefinedDefaultPurpose_reported       | replace | 6  | default_purpose = sales                   | 6    | default_purpose names 'sales', which [purposes] does not define
      unknownSection_reported                | insert  | 23 | [pci]                                     | 24   | unknown section [pci]; known: [general], [us]
      malformedLine_reported                 | insert  | 23 | phi_roles compliance                      | 24   | expected 'key = value', '[section]' or a '#' comment
      duplicateKey_reported                  | insert  | 6  | opt_out_key = 5                           | 7    | duplicate key 'opt_out_key' in [general] (first set at line 5)
      keyOutsideSection_reported             | insert  | 1  | opt_out_key = 9                           | 2    | 'opt_out_key' is outside any section
      appendToSingleValue_reported           | insert  | 6  | opt_out_key += 5                          | 7    | '+=' works on lists; opt_out_key takes one value
      twoValuesForSingleKey_reported         | replace | 3  | announce_one_party = yes no               | 3    | announce_one_party takes one value, found 2
      badBoolean_reported                    | replace | 3  | announce_one_party = maybe                | 3    | announce_one_party takes yes or no, not 'maybe'
      badOptOutKey_reported                  | replace | 5  | opt_out_key = 99                          | 5    | opt_out_key takes one DTMF key (0-9, *, #, A-D) or none, not '99'
      unknownLawfulBasis_reported            | replace | 14 | quality = legit                           | 14   | unknown lawful basis 'legit' for purpose 'quality'
      badPurposeName_reported                | insert  | 14 | Sales = consent                           | 15   | 'Sales' is not a valid purpose name
      unknownLineFlag_reported               | insert  | 21 | 2100 = hipa                               | 22   | unknown line flag 'hipa' for line 2100; known: hipaa, pci
      badLineNumber_reported                 | insert  | 21 | 21a = hipaa                               | 22   | bad line number '21a'
      unknownRole_reported                   | replace | 23 | phi_roles = compliance nurse              | 23   | unknown role 'nurse' in phi_roles; known: admin, compliance
      countryInTwoFrameworks_reported        | replace | 11 | uk_gdpr = GB DE                           | 11   | country DE is in both gdpr and uk_gdpr
      removingAbsentToken_reported           | insert  | 8  | all_party_states -= US-TX                 | 9    | cannot remove 'US-TX' from all_party_states: it is not in the list
      missingRequiredKey_reported            | replace | 5  | # no opt-out key                          | 2    | missing key 'opt_out_key' in [general]
      languageInWrongCase_suggestsSpelling   | replace | 26 | DE = DE                                   | 26   | 'DE' is not a language tag for DE in [languages]; write de
      notALanguageTag_reported               | replace | 26 | DE = german                               | 26   | 'german' is not a language tag for DE in [languages]; write a BCP 47 tag
      unknownLanguage_reported               | replace | 26 | DE = dx                                   | 26   | unknown language 'dx' in 'dx' for DE in [languages]; two-letter languages are ISO 639-1 codes
      unknownRegionInTag_reported            | replace | 27 | CA-QC = fr-XX                             | 27   | unknown region 'XX' in 'fr-XX' for CA-QC in [languages]
      unknownLanguageCountry_reported        | replace | 26 | XX = de                                   | 26   | unknown country 'XX' in [languages]; keys are ISO 3166-1 alpha-2 countries in upper case (DE)
      lowerCaseLanguageKey_reported          | replace | 26 | de = de                                   | 26   | unknown country 'de' in [languages]
      unplacedSubdivision_suggestsCountry    | replace | 27 | ES-CT = ca                                | 27   | unknown subdivision 'ES-CT' in [languages]; parties are placed in subdivisions only for US states and Canadian provinces (US-TX, CA-QC), so write the country, ES
      unknownProvince_reported               | replace | 27 | CA-QU = fr                                | 27   | unknown subdivision 'CA-QU' in [languages]; parties are placed in subdivisions only for US states and Canadian provinces (US-TX, CA-QC)
      twoLanguagesForOneCountry_reported     | replace | 26 | DE = de fr                                | 26   | DE takes one value, found 2
      languageKeyTwice_reported              | insert  | 26 | DE = fr                                   | 27   | duplicate key 'DE' in [languages] (first set at line 26)
      addingToALanguage_reported             | insert  | 26 | DE += fr                                  | 27   | '+=' works on lists; DE takes one value
      missingDefaultLanguage_reported        | replace | 25 | # no default                              | 24   | missing key 'default' in [languages]
      """)
    void ruleFileMistake_reportsFileLineAndReason(String scenario, String edit, int at, String text, int line,
                                                  String reason) {
        List<String> lines = new ArrayList<>(Arrays.asList(BASE.split("\n")));
        if (edit.equals("replace")) {
            lines.set(at - 1, text);
        } else {
            lines.add(at, text);
        }
        String file = String.join("\n", lines) + "\n";

        RuleFileException e = catchThrowableOfType(RuleFileException.class,
                () -> RulesLoader.load(List.of(new RuleSource("rules.conf", file))));

        assertThat(e).as(scenario).isNotNull();
        assertThat(e.problems()).hasSize(1);
        RuleProblem problem = e.problems().getFirst();
        assertThat(problem.file()).isEqualTo("rules.conf");
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.reason()).contains(reason);
        assertThat(e.getMessage()).contains("rules.conf:" + line + ": " + reason);
    }

    @Test
    void briefExample_readsAsCompilerMessage() {
        String file = BASE.replace("all_party_states = US-CA", "all_party_states = US-XX");
        assertThatThrownBy(() -> RulesLoader.load(List.of(new RuleSource("rules.conf", file))))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("\n  rules.conf:8: unknown US state 'US-XX' in all_party_states");
    }

    @Test
    void severalMistakes_allReportedAtOnceInFileOrder() {
        String file = BASE.replace("announce_one_party = yes", "announce_one_party = perhaps")
                .replace("gdpr = DE FR", "gdpr = DE QQ").replace("phi_roles = compliance", "phi_roles = janitor");

        RuleFileException e = catchThrowableOfType(RuleFileException.class,
                () -> RulesLoader.load(List.of(new RuleSource("rules.conf", file))));

        assertThat(e.problems()).extracting(RuleProblem::line).containsExactly(3, 10, 23);
        assertThat(e.getMessage()).startsWith("the policy rules are not valid (3 problems)");
    }

    @Test
    void emptyFile_reportsMissingVersionAtLineOne() {
        RuleFileException e = catchThrowableOfType(RuleFileException.class,
                () -> RulesLoader.load(List.of(new RuleSource("empty.conf", "# nothing\n"))));

        assertThat(e.problems()).containsExactly(new RuleProblem("empty.conf", 1,
                "missing version: the file is empty; it must start with 'version = …'"));
    }

    @Test
    void mistakeInOverride_namesTheOverrideFile() {
        RuleSource override = new RuleSource("/etc/callvault/rules.conf", """
                version = acme-1

                [us]
                all_party_states += US-ZZ
                """);

        RuleFileException e = catchThrowableOfType(RuleFileException.class,
                () -> RulesLoader.load(List.of(RuleSource.builtIn(), override)));

        assertThat(e.problems()).containsExactly(new RuleProblem("/etc/callvault/rules.conf", 4,
                "unknown US state 'US-ZZ' in all_party_states (ISO 3166-2, e.g. US-CA)"));
    }

    @Test
    void crlfLineEnds_loadLikeLf() {
        RuleSet crlf = RulesLoader.load(List.of(new RuleSource("rules.conf", BASE.replace("\n", "\r\n"))));
        RuleSet lf = RulesLoader.load(List.of(new RuleSource("rules.conf", BASE)));

        assertThat(crlf.allPartyStates()).isEqualTo(lf.allPartyStates());
        assertThat(crlf.origins()).isEqualTo(lf.origins());
        assertThat(crlf.sha256()).isNotEqualTo(lf.sha256());
    }

    @Test
    void emptyListAndHashKey_areAccepted() {
        RuleSet rules = RulesLoader.load(List.of(new RuleSource("rules.conf",
                BASE.replace("pipeda = CA", "pipeda =").replace("opt_out_key = 9", "opt_out_key = #"))));

        assertThat(rules.pipedaCountries()).isEmpty();
        assertThat(rules.optOutKey()).contains("#");
    }

    @Test
    void overrideExampleInDocs_loads() throws Exception {
        String root = System.getenv().getOrDefault("CALLVAULT_REPO_ROOT", "..");
        String doc = Files.readString(Path.of(root, "docs", "policy-rules.md"));
        int start = doc.indexOf("version = acme-3");
        String example = doc.substring(start, doc.indexOf("```", start));

        RuleSet rules = RulesLoader.load(List.of(RuleSource.builtIn(), new RuleSource("acme.conf", example)));

        assertThat(rules.version()).isEqualTo("2025.1+acme-3");
        assertThat(rules.allPartyStates()).doesNotContain("US-OR");
        assertThat(rules.ukGdprCountries()).containsExactly("GB", "GG", "JE", "IM");
        assertThat(rules.lineFlags(PhoneNumber.of("+14155550100"))).containsExactly(LineFlag.PCI);
        assertThat(rules.phiRoles()).containsExactly("compliance", "supervisor");
    }

    @Test
    void languagesExampleInDocs_loads() throws Exception {
        String root = System.getenv().getOrDefault("CALLVAULT_REPO_ROOT", "..");
        String doc = Files.readString(Path.of(root, "docs", "announcements.md"));
        int start = doc.indexOf("version = acme-4");
        String example = doc.substring(start, doc.indexOf("```", start));

        RuleSet rules = RulesLoader.load(List.of(RuleSource.builtIn(), new RuleSource("acme.conf", example)));

        assertThat(rules.defaultLanguage()).isEqualTo("de");
        assertThat(rules.language(Location.parse("US-CA"))).isEqualTo("en");
        assertThat(rules.language(Location.parse("CA-QC"))).isEqualTo("fr");
        assertThat(rules.language(Location.parse("JP"))).isEqualTo("de");
    }

    @Test
    void builtIn_coversTheRequiredStatesAndCountries() {
        RuleSet rules = RulesLoader.builtIn();

        assertThat(rules.allPartyStates()).containsExactlyInAnyOrder("US-CA", "US-CT", "US-DE", "US-FL", "US-IL",
                "US-MD", "US-MA", "US-MI", "US-MT", "US-NV", "US-NH", "US-OR", "US-PA", "US-WA");
        assertThat(rules.gdprCountries()).contains("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
                "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
                "IS", "LI", "NO").doesNotContain("GB", "CH");
        assertThat(rules.ukGdprCountries()).containsExactly("GB");
        assertThat(rules.pipedaCountries()).containsExactly("CA");
        assertThat(rules.announceOneParty()).isTrue();
        assertThat(rules.optOutKey()).contains("9");
        assertThat(rules.phiRoles()).containsExactly("compliance");
        assertThat(rules.version()).isEqualTo("2025.1");
        assertThat(rules.sourceNames()).containsExactly(RuleSource.BUILT_IN_NAME);
        assertThat(rules.defaultLanguage()).isEqualTo("en");
        assertThat(rules.languages()).containsEntry("DE", "de").containsEntry("CA-QC", "fr").containsEntry("MX", "es")
                .doesNotContainKeys("US", "GB", "CH", "BE");
    }

    @Test
    void hash_isSha256OverLengthPrefixedTexts() throws Exception {
        RuleSource base = RuleSource.builtIn();
        RuleSource override = new RuleSource("o.conf", "version = acme-1\n[general]\nannounce_one_party = no\n");

        RuleSet rules = RulesLoader.load(List.of(base, override));

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (RuleSource s : List.of(base, override)) {
            byte[] text = s.text().getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(8).putLong(text.length).array());
            sha.update(text);
        }
        assertThat(rules.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        assertThat(rules.sha256()).isNotEqualTo(RulesLoader.builtIn().sha256());
        assertThat(rules.version()).isEqualTo("2025.1+acme-1");
    }
}
