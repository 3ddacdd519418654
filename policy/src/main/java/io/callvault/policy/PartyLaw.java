package io.callvault.policy;

import io.callvault.policy.jurisdiction.Location;
import io.callvault.policy.jurisdiction.ResolvedParty;
import io.callvault.policy.rules.Framework;
import io.callvault.policy.rules.LawfulBasis;
import io.callvault.policy.rules.RuleSet;
import java.util.List;
import java.util.Set;

/**
 * Step 2 of the decision tree: which framework a party's location brings and what consent it needs. Adds
 * the framework and one reason to the tree's collections.
 */
final class PartyLaw {
    private static final String US = "US";

    private final RuleSet rules;
    private final LawfulBasis basis;
    private final List<Reason> reasons;
    private final Set<Framework> frameworks;

    PartyLaw(RuleSet rules, LawfulBasis basis, List<Reason> reasons, Set<Framework> frameworks) {
        this.rules = rules;
        this.basis = basis;
        this.reasons = reasons;
        this.frameworks = frameworks;
    }

    /** @param role "caller" or "callee", for the reason's text */
    ConsentMechanism assess(String role, ResolvedParty party) {
        Location at = party.location();
        String who = "The " + role + " " + party.number();
        if (!at.isKnown()) {
            return apply(Framework.UNKNOWN_STRICT, ConsentMechanism.ALL_PARTY_CONSENT, "tree.unknown_location",
                    "decision tree", who + " cannot be placed (" + party.detail() + "), so the strictest case "
                            + "applies: announce and require every party's consent.");
        }
        String country = at.country();
        String placed = who + " is in " + at.code() + " (" + party.detail() + ")";
        if (rules.gdprCountries().contains(country)) {
            return gdpr(Framework.GDPR, "countries.gdpr", country, placed + "; " + country + " is listed in gdpr");
        }
        if (rules.ukGdprCountries().contains(country)) {
            return gdpr(Framework.UK_GDPR, "countries.uk_gdpr", country, placed + "; " + country
                    + " is listed in uk_gdpr");
        }
        if (rules.pipedaCountries().contains(country)) {
            return apply(Framework.PIPEDA, ConsentMechanism.CONSENT_BY_CONTINUING, "countries.pipeda",
                    rules.origin("countries.pipeda", country), placed + "; " + country + " is listed in pipeda, so "
                            + "PIPEDA applies: tell the party why the call is recorded; staying on the line is consent.");
        }
        if (country.equals(US)) {
            return us(at, placed);
        }
        return apply(Framework.UNKNOWN_STRICT, ConsentMechanism.ALL_PARTY_CONSENT, "tree.no_rule", "decision tree",
                placed + "; no rule covers " + country + ", so the strictest case applies: announce and require "
                        + "every party's consent.");
    }

    private ConsentMechanism gdpr(Framework framework, String key, String country, String placed) {
        ConsentMechanism needs = basis == LawfulBasis.CONSENT ? ConsentMechanism.ALL_PARTY_CONSENT : ConsentMechanism.NOTICE;
        return apply(framework, needs, key, rules.origin(key, country), placed + ", so " + framework + " applies: "
                + "inform the party (Art. 13)" + (needs == ConsentMechanism.NOTICE
                ? " and rely on the purpose's lawful basis, " + basis.id() + "."
                : "; the purpose rests on consent, so every party is asked and may refuse (Art. 7)."));
    }

    private ConsentMechanism us(Location at, String placed) {
        if (!at.hasSubdivision()) {
            return apply(Framework.UNKNOWN_STRICT, ConsentMechanism.ALL_PARTY_CONSENT, "tree.unknown_us_state",
                    "decision tree", placed + "; its US state is unknown, so it is treated as an all-party state.");
        }
        String state = at.subdivision();
        if (rules.allPartyStates().contains(state)) {
            return apply(Framework.US_ALL_PARTY, ConsentMechanism.ALL_PARTY_CONSENT, "us.all_party_states",
                    rules.origin("us.all_party_states", state), placed + "; " + state + " is listed in "
                            + "all_party_states, so every party must consent: announce and let a party refuse.");
        }
        boolean announce = rules.announceOneParty();
        return apply(Framework.US_ONE_PARTY, announce ? ConsentMechanism.NOTICE : ConsentMechanism.NONE,
                "us.all_party_states", rules.origin("us.all_party_states"), placed + "; " + state + " is not in "
                        + "all_party_states, so one party's consent suffices: the business, a party to the call, "
                        + "consents (18 U.S.C. 2511(2)(d))" + (announce ? "; announced anyway (announce_one_party = yes)."
                        : "."));
    }

    private ConsentMechanism apply(Framework framework, ConsentMechanism needs, String rule, String origin, String text) {
        frameworks.add(framework);
        reasons.add(new Reason(rule, origin, text));
        return needs;
    }
}
