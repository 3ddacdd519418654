package io.callvault.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.policy.jurisdiction.JurisdictionResolver;
import io.callvault.policy.jurisdiction.Location;
import io.callvault.policy.rules.Framework;
import io.callvault.policy.rules.RulesLoader;
import io.callvault.policy.rules.RuleSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision as a value: its text, its reasons, its determinism and its invariants. */
class DecisionTest {
    private static final Policy POLICY = Policy.builtIn();

    private static CallContext texasOfficeToCalifornia() {
        return CallContext.of("2001", "+14155550123", "out").withOfficeLocation(Location.parse("US-TX"));
    }

    @Test
    void describe_showsOutcomeInputsRulesAndNumberedReasons() {
        String text = POLICY.decide(texasOfficeToCalifornia()).describe();

        assertThat(text).contains("decision:    RECORD\n", "announce:    to callee, in en\n",
                "consent:     ALL_PARTY_CONSENT, opt-out key 9\n", "frameworks:  US_ALL_PARTY, US_ONE_PARTY\n",
                "retention:   standard (365 days)\n",
                "callee:      +14155550123 -> US-CA by nanp_area_code (area code 415 is US-CA)\n",
                "caller:      2001 -> US-TX by office_location",
                "rules:       version 2025.1, sha256 " + POLICY.rules().sha256(), "reasons:\n  1. ");
        assertThat(text).doesNotContain("warnings:");
    }

    @Test
    void describe_listsWarnings() {
        Decision d = POLICY.decide(CallContext.of("+12125550100", "2100", "in").withLineFlags(Set.of("hipaa"))
                .withBlobStore(true, false));

        assertThat(d.describe()).contains("warnings:\n  ! ", "business associate agreement", "no office location");
    }

    @Test
    void allPartyReason_citesTheRuleFileLine() {
        String[] lines = RuleSource.builtIn().text().split("\n");
        int line = 1 + Arrays.asList(lines).indexOf(Arrays.stream(lines)
                .filter(l -> l.startsWith("all_party_states =")).findFirst().orElseThrow());

        Decision d = POLICY.decide(texasOfficeToCalifornia());

        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("us.all_party_states");
            assertThat(r.origin()).isEqualTo(RuleSource.BUILT_IN_NAME + ":" + line);
            assertThat(r.text()).contains("US-CA is listed in all_party_states");
        });
        assertThat(d.reasons().getLast().rule()).startsWith("retention.");
    }

    @Test
    void sameContext_givesEqualDecisions() {
        assertThat(POLICY.decide(texasOfficeToCalifornia())).isEqualTo(POLICY.decide(texasOfficeToCalifornia()));
    }

    @Test
    void everyAreaCode_decidesAndTreatsUnknownAsStrictest() {
        for (int npa = 200; npa <= 999; npa++) {
            Decision d = POLICY.decide(CallContext.of("+1" + npa + "5550100", "2001", "in")
                    .withOfficeLocation(Location.parse("US-NY")));
            assertThat(d.record()).isTrue();
            if (!d.inputs().caller().location().isKnown()) {
                assertThat(d.frameworks()).as("+1 " + npa).contains(Framework.UNKNOWN_STRICT);
                assertThat(d.consent().mechanism()).as("+1 " + npa).isEqualTo(ConsentMechanism.ALL_PARTY_CONSENT);
            }
        }
    }

    @Test
    void notRecorded_cannotBeAnnounced() {
        Decision d = POLICY.decide(texasOfficeToCalifornia());

        assertThatThrownBy(() -> new Decision(false, Legs.CALLEE, "en", d.consent(), d.frameworks(), d.lawfulBasis(),
                d.retention(), d.flags(), d.phiRoles(), d.warnings(), d.inputs(), d.rulesVersion(), d.rulesSha256(),
                d.reasons())).hasMessageContaining("not announced");
        assertThatThrownBy(() -> new Decision(true, Legs.CALLEE, "DE", d.consent(), d.frameworks(), d.lawfulBasis(),
                d.retention(), d.flags(), d.phiRoles(), d.warnings(), d.inputs(), d.rulesVersion(), d.rulesSha256(),
                d.reasons())).hasMessageContaining("'DE' is not a language tag; write de");
        assertThatThrownBy(() -> new Consent(ConsentMechanism.NONE, Optional.of("9")))
                .hasMessageContaining("no opt-out key");
    }

    @Test
    void recordPreference_parsesSdpTokens() {
        assertThat(List.of("on", "OFF", "pause", "nopreference").stream().map(RecordPreference::parse).toList())
                .containsExactly(RecordPreference.ON, RecordPreference.OFF, RecordPreference.PAUSE,
                        RecordPreference.NO_PREFERENCE);
        assertThatThrownBy(() -> RecordPreference.parse("maybe")).hasMessageContaining("on, off, pause or nopreference");
    }

    @Test
    void strictestWins_isExplainedWhenPartiesDiffer() {
        Decision d = POLICY.decide(texasOfficeToCalifornia());

        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.text())
                .isEqualTo("The strictest law wins across parties: the caller's side needs NOTICE, the callee's "
                        + "ALL_PARTY_CONSENT, so the call gets ALL_PARTY_CONSENT."));
    }

    @Test
    void announcedToGermany_languageReasonCitesTheRuleFileLine() {
        String[] lines = RuleSource.builtIn().text().split("\n");
        int line = 1 + Arrays.asList(lines).indexOf("DE = de");

        Decision d = POLICY.decide(CallContext.of("2001", "+4930123456", "out").withOfficeLocation(Location.parse("US-TX")));

        assertThat(d.announcementLanguage()).isEqualTo("de");
        assertThat(d.describe()).contains("announce:    to callee, in de\n");
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("languages.DE");
            assertThat(r.origin()).isEqualTo(RuleSource.BUILT_IN_NAME + ":" + line);
            assertThat(r.text()).isEqualTo("The announcement is in de: the callee is in DE and [languages] says DE = de.");
        });
    }

    @Test
    void unknownLocation_isAnnouncedInTheDefaultLanguage_withAReason() {
        Decision d = POLICY.decide(CallContext.of("+18005550100", "2001", "in").withOfficeLocation(Location.parse("US-TX")));

        assertThat(d.announcementLanguage()).isEqualTo("en");
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("languages.default");
            assertThat(r.text()).contains("the default language: the caller's location, unknown, has no entry");
        });
    }

    @Test
    void bothLegsAnnounced_useTheCallersLanguage() {
        Policy ownSideToo = new Policy(RulesLoader.load(List.of(RuleSource.builtIn(), new RuleSource("o.conf", """
                version = o1
                [general]
                announce_own_side = yes
                """))), JurisdictionResolver.builtIn());

        Decision d = ownSideToo.decide(CallContext.of("+33142685300", "2001", "in").withOfficeLocation(Location.parse("DE")));

        assertThat(d.announceTo()).isEqualTo(Legs.BOTH);
        assertThat(d.announcementLanguage()).isEqualTo("fr");
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.text()).isEqualTo("The announcement is in fr: the caller "
                + "is in FR and [languages] says FR = fr (both legs hear it, so the caller's location counts)."));
    }
}
