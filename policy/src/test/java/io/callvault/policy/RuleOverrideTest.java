package io.callvault.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.policy.jurisdiction.JurisdictionResolver;
import io.callvault.policy.jurisdiction.Location;
import io.callvault.policy.rules.Framework;
import io.callvault.policy.rules.LawfulBasis;
import io.callvault.policy.rules.RuleSource;
import io.callvault.policy.rules.RulesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's override file changes decisions the way docs/policy-rules.md says. */
class RuleOverrideTest {
    private static final JurisdictionResolver RESOLVER = JurisdictionResolver.builtIn();
    private static final Policy DEFAULTS = new Policy(RulesLoader.builtIn(), RESOLVER);

    private static Policy withOverride(String text) {
        return new Policy(RulesLoader.load(List.of(RuleSource.builtIn(), new RuleSource("override.conf", text))),
                RESOLVER);
    }

    private static CallContext texasToNewYork() {
        return CallContext.of("2001", "+12125550100", "out").withOfficeLocation(Location.parse("US-TX"));
    }

    @Test
    void announceOnePartyNo_onePartyCallIsNotAnnounced() {
        Policy policy = withOverride("version = acme-1\n[general]\nannounce_one_party = no\n");

        Decision before = DEFAULTS.decide(texasToNewYork());
        Decision after = policy.decide(texasToNewYork());

        assertThat(before.announceTo()).isEqualTo(Legs.CALLEE);
        assertThat(after.record()).isTrue();
        assertThat(after.announceTo()).isEqualTo(Legs.NONE);
        assertThat(after.consent()).isEqualTo(Consent.NONE);
        assertThat(after.reasons()).anySatisfy(r -> assertThat(r.origin()).isEqualTo("override.conf:3"));
        assertThat(after.rulesVersion()).isEqualTo("2025.1+acme-1");
        assertThat(after.rulesSha256()).isNotEqualTo(before.rulesSha256());
    }

    @Test
    void stateRemovedFromAllPartyList_becomesOneParty() {
        Policy policy = withOverride("version = acme-2\n[us]\nall_party_states -= US-PA US-OR\n");
        CallContext call = CallContext.of("2001", "+12155550100", "out").withOfficeLocation(Location.parse("US-TX"));

        assertThat(DEFAULTS.decide(call).frameworks()).contains(Framework.US_ALL_PARTY);
        Decision after = policy.decide(call);
        assertThat(after.frameworks()).containsExactly(Framework.US_ONE_PARTY);
        assertThat(after.consent().mechanism()).isEqualTo(ConsentMechanism.NOTICE);
    }

    @Test
    void stateAddedToAllPartyList_requiresConsent() {
        Policy policy = withOverride("version = acme-3\n[us]\nall_party_states += US-TX\n");

        Decision after = policy.decide(texasToNewYork());

        assertThat(after.consent().mechanism()).isEqualTo(ConsentMechanism.ALL_PARTY_CONSENT);
        assertThat(after.reasons()).anySatisfy(r -> assertThat(r.text()).contains("US-TX is listed in all_party_states"));
        assertThat(after.reasons()).anySatisfy(r -> assertThat(r.origin()).isEqualTo("override.conf:3"));
    }

    @Test
    void lineFlaggedInOverride_marksPhiForThatExtension() {
        Policy policy = withOverride("""
                version = acme-4
                [lines]
                2100 = hipaa
                [hipaa]
                phi_roles = compliance supervisor
                """);
        CallContext call = CallContext.of("+12125550100", "2100", "in").withOfficeLocation(Location.parse("US-NY"));

        Decision d = policy.decide(call);

        assertThat(d.flags().phi()).isTrue();
        assertThat(d.phiRoles()).containsExactly("compliance", "supervisor");
        assertThat(d.inputs().lineFlags()).hasSize(1);
        assertThat(d.retention().retentionClass()).isEqualTo("health");
        assertThat(DEFAULTS.decide(call).flags().phi()).isFalse();
    }

    @Test
    void optOutKeyNone_noKeyOffered() {
        Policy policy = withOverride("version = acme-5\n[general]\nopt_out_key = none\n");
        CallContext call = CallContext.of("+14155550123", "2001", "in").withOfficeLocation(Location.parse("US-TX"));

        Decision d = policy.decide(call);

        assertThat(d.consent().mechanism()).isEqualTo(ConsentMechanism.ALL_PARTY_CONSENT);
        assertThat(d.consent().optOutKey()).isEmpty();
    }

    @Test
    void announceOwnSideYes_bothLegsHearIt() {
        Policy policy = withOverride("version = acme-6\n[general]\nannounce_own_side = yes\n");

        assertThat(policy.decide(texasToNewYork()).announceTo()).isEqualTo(Legs.BOTH);
    }

    @Test
    void retentionOrderChanged_gdprPrevailsOverHipaa() {
        Policy policy = withOverride("""
                version = acme-7
                [retention]
                by_framework = GDPR:gdpr_limited HIPAA:health
                """);
        CallContext call = CallContext.of("+4930123456", "2100", "in").withOfficeLocation(Location.parse("US-NY"))
                .withLineFlags(Set.of("hipaa"));

        assertThat(DEFAULTS.decide(call).retention()).isEqualTo(new Retention("health", 2190));
        assertThat(policy.decide(call).retention()).isEqualTo(new Retention("gdpr_limited", 180));
    }

    @Test
    void purposeOnConsent_gdprPartyMustConsent() {
        Policy policy = withOverride("version = acme-8\n[purposes]\nquality = consent\n");
        CallContext call = CallContext.of("+4930123456", "2001", "in").withOfficeLocation(Location.parse("US-NY"));

        Decision d = policy.decide(call);

        assertThat(d.lawfulBasis()).isEqualTo(LawfulBasis.CONSENT);
        assertThat(d.consent().mechanism()).isEqualTo(ConsentMechanism.ALL_PARTY_CONSENT);
        assertThat(DEFAULTS.decide(call).consent().mechanism()).isEqualTo(ConsentMechanism.NOTICE);
    }

    @Test
    void crownDependencyAddedToUkGdpr_noLongerStrictest() {
        Policy policy = withOverride("version = acme-9\n[countries]\nuk_gdpr += GG JE IM\n");
        CallContext call = CallContext.of("+441481256789", "2001", "in").withOfficeLocation(Location.parse("US-NY"));

        assertThat(DEFAULTS.decide(call).frameworks()).contains(Framework.UNKNOWN_STRICT);
        Decision d = policy.decide(call);
        assertThat(d.frameworks()).containsExactly(Framework.UK_GDPR, Framework.US_ONE_PARTY);
        assertThat(d.consent().mechanism()).isEqualTo(ConsentMechanism.NOTICE);
    }

    @Test
    void overrideFileOnDisk_isReadAndCitedByPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.conf");
        Files.writeString(file, "# acme's rules\nversion = acme-10\n\n[general]\nannounce_one_party = no\n");

        Policy policy = new Policy(RulesLoader.builtInWithOverride(file), RESOLVER);
        Decision d = policy.decide(texasToNewYork());

        assertThat(d.announce()).isFalse();
        assertThat(policy.rules().sourceNames()).containsExactly(RuleSource.BUILT_IN_NAME, file.toString());
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.origin()).isEqualTo(file + ":5"));
    }
}
