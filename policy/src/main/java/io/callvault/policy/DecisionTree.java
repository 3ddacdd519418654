package io.callvault.policy;

import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.jurisdiction.JurisdictionResolver;
import io.callvault.policy.jurisdiction.ResolvedParty;
import io.callvault.policy.rules.Framework;
import io.callvault.policy.rules.FrameworkRetention;
import io.callvault.policy.rules.LawfulBasis;
import io.callvault.policy.rules.LineFlag;
import io.callvault.policy.rules.RuleSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the decision tree described on {@link Policy}. Collects reasons and warnings as it goes; used
 * once, by one thread, then dropped.
 */
final class DecisionTree {
    private static final String TREE = "decision tree";

    private final RuleSet rules;
    private final JurisdictionResolver resolver;
    private final CallContext call;
    private final List<Reason> reasons = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<Framework> frameworks = EnumSet.noneOf(Framework.class);

    DecisionTree(RuleSet rules, JurisdictionResolver resolver, CallContext call) {
        this.rules = rules;
        this.resolver = resolver;
        this.call = call;
    }

    Decision decide() {
        ResolvedParty caller = resolver.resolve(call.caller(), call.officeLocation());
        ResolvedParty callee = resolver.resolve(call.callee(), call.officeLocation());
        String purpose = call.purpose() != null ? call.purpose() : rules.defaultPurpose();
        LawfulBasis basis = lawfulBasis(purpose);

        PartyLaw law = new PartyLaw(rules, basis, reasons, frameworks);
        ConsentMechanism callerNeeds = law.assess("caller", caller);
        ConsentMechanism calleeNeeds = law.assess("callee", callee);
        ConsentMechanism mechanism = ConsentMechanism.stricterOf(callerNeeds, calleeNeeds);
        if (callerNeeds != calleeNeeds) {
            reasons.add(new Reason("tree.strictest_wins", TREE, "The strictest law wins across parties: the caller's "
                    + "side needs " + callerNeeds + ", the callee's " + calleeNeeds + ", so the call gets " + mechanism + "."));
        }
        warnUnplacedExtensions(caller, callee);

        Set<LineFlag> lineFlags = lineFlags();
        Flags flags = industry(lineFlags);
        boolean gdpr = frameworks.contains(Framework.GDPR) || frameworks.contains(Framework.UK_GDPR);
        if (gdpr) {
            explainBasis(purpose, basis);
        }
        boolean record = recordPreference(mechanism);

        Consent consent = Consent.NONE;
        Legs legs = Legs.NONE;
        if (record && mechanism != ConsentMechanism.NONE) {
            legs = legs(caller, callee);
            consent = consent(mechanism, gdpr && basis.letsSubjectRefuse(), legs);
        } else if (record) {
            reasons.add(new Reason("general.announce_one_party", rules.origin("general.announce_one_party"),
                    "No announcement: only one-party consent is needed and announce_one_party = no."));
        }

        String language = announcementLanguage(legs, caller, callee);
        return new Decision(record, legs, language, consent, frameworks, gdpr ? basis : LawfulBasis.NOT_APPLICABLE,
                retention(), flags, flags.phi() ? rules.phiRoles() : Set.of(), warnings,
                new DecisionInputs(caller, callee, call.direction(), lineFlags, call.recordPreference(), purpose,
                        call.externalBlobStore(), call.baaRecorded()),
                rules.version(), rules.sha256(), reasons);
    }

    private void warnUnplacedExtensions(ResolvedParty caller, ResolvedParty callee) {
        for (ResolvedParty p : List.of(caller, callee)) {
            if (p.isExtension() && !p.location().isKnown()) {
                warnings.add("extension " + p.number() + " has no office location configured, so it is treated as "
                        + "strictest; configure the location of its office or user");
            }
        }
    }

    private void explainBasis(String purpose, LawfulBasis basis) {
        if (rules.lawfulBasis(purpose).isPresent()) {
            reasons.add(new Reason("purposes." + purpose, rules.origin("purposes." + purpose), "The purpose '" + purpose
                    + "' rests on the lawful basis " + basis.id() + " (GDPR " + basis.article() + ")."));
        } else {
            reasons.add(new Reason("tree.unknown_purpose", TREE, "The purpose '" + purpose + "' is not in [purposes], "
                    + "so the strictest basis, consent (GDPR " + basis.article() + "), is assumed."));
        }
    }

    /**
     * The consent part for a recorded call: the opt-out key is offered during the announcement where consent
     * is needed or where the GDPR lets the data subject refuse; with no leg announced there is nothing to
     * offer it in.
     */
    private Consent consent(ConsentMechanism mechanism, boolean gdprSubjectMayRefuse, Legs legs) {
        if (legs == Legs.NONE || (!mechanism.needsConsent() && !gdprSubjectMayRefuse)) {
            return new Consent(mechanism, Optional.empty());
        }
        reasons.add(new Reason("general.opt_out_key", rules.origin("general.opt_out_key"), rules.optOutKey()
                .map(k -> "A party may refuse recording by pressing " + k + " during the announcement.")
                .orElse("No opt-out key is configured: a party who refuses can only hang up.")));
        return new Consent(mechanism, rules.optOutKey());
    }

    private Set<LineFlag> lineFlags() {
        Set<LineFlag> flags = EnumSet.noneOf(LineFlag.class);
        for (String text : call.lineFlags()) {
            try {
                LineFlag flag = LineFlag.parse(text);
                flags.add(flag);
                reasons.add(new Reason("context.line_flags", "call context",
                        "The call context flags the line " + flag.id() + "."));
            } catch (IllegalArgumentException e) {
                warnings.add("line flag '" + text + "' in the call context is unknown and was ignored; known: hipaa, pci");
            }
        }
        for (PhoneNumber number : List.of(call.caller(), call.callee())) {
            for (LineFlag flag : rules.lineFlags(number)) {
                flags.add(flag);
                reasons.add(new Reason("lines." + number, rules.origin("lines." + number),
                        "Line " + number + " is flagged " + flag.id() + " in [lines]."));
            }
        }
        return flags;
    }

    private LawfulBasis lawfulBasis(String purpose) {
        Optional<LawfulBasis> basis = rules.lawfulBasis(purpose);
        if (basis.isEmpty()) {
            warnings.add("purpose '" + purpose + "' is not in the rules' [purposes]; the strictest basis, consent, "
                    + "was assumed");
            return LawfulBasis.CONSENT;
        }
        return basis.get();
    }

    private Flags industry(Set<LineFlag> lineFlags) {
        boolean phi = lineFlags.contains(LineFlag.HIPAA);
        boolean pci = lineFlags.contains(LineFlag.PCI);
        if (phi) {
            frameworks.add(Framework.HIPAA);
            reasons.add(new Reason("hipaa.phi_roles", rules.origin("hipaa.phi_roles"), "HIPAA: the recording may hold "
                    + "protected health information; only " + String.join(", ", rules.phiRoles()) + " may access it."));
            if (call.externalBlobStore() && !call.baaRecorded()) {
                warnings.add("HIPAA: recordings go to an external blob store but no business associate agreement "
                        + "with its provider is recorded (45 CFR 164.502(e)); sign and record a BAA, or store "
                        + "PHI recordings locally");
            }
        }
        if (pci) {
            frameworks.add(Framework.PCI_DSS);
            reasons.add(new Reason("tree.pci", TREE, "PCI DSS: card data must not be recorded (sensitive "
                    + "authentication data is never stored after authorisation), so the payment pause is required."));
        }
        return new Flags(phi, pci);
    }

    /** Applies a=recordpref; returns whether the call is recorded. */
    private boolean recordPreference(ConsentMechanism mechanism) {
        RecordPreference pref = call.recordPreference();
        String token = "a=recordpref:" + pref.sdpToken();
        switch (pref) {
            case OFF, PAUSE -> {
                if (mechanism.needsConsent()) {
                    reasons.add(new Reason("tree.recordpref", TREE, "A party's softphone asked " + token + " and the "
                            + "law here needs every party's consent, so the refusal is honoured: not recorded."));
                    return false;
                }
                reasons.add(new Reason("tree.recordpref", TREE, "A party's softphone asked " + token + ", but the "
                        + "law here does not make recording depend on that party's consent, so it is recorded."));
            }
            case ON -> reasons.add(new Reason("tree.recordpref", TREE, "A party's softphone asked " + token
                    + "; it is recorded as the rules already require."));
            case NO_PREFERENCE -> {
            }
        }
        return true;
    }

    private Legs legs(ResolvedParty caller, ResolvedParty callee) {
        boolean ownCaller = ownSide(caller, true);
        boolean ownCallee = ownSide(callee, false);
        boolean all = rules.announceOwnSide();
        Legs legs = Legs.of(!ownCaller || all, !ownCallee || all);
        String origin = rules.origin("general.announce_own_side");
        if (legs == Legs.NONE) {
            reasons.add(new Reason("general.announce_own_side", origin, "No leg hears the announcement: both parties "
                    + "are the business's own side and announce_own_side = no, so staff are informed by the "
                    + "business's written recording notice."));
        } else {
            reasons.add(new Reason("general.announce_own_side", origin, "The announcement is played to "
                    + (legs == Legs.BOTH ? "both legs" : "the " + legs.name().toLowerCase(Locale.ROOT) + " leg")
                    + (all ? " (announce_own_side = yes)." : ", the side outside the business.")));
        }
        return legs;
    }

    /**
     * The language of the announcement: that of the announced party's location (the caller's when both legs
     * hear it), by the subdivision's or the country's [languages] entry, else the default. Explained only when
     * something is played; a call nobody hears announced gets the default without a reason.
     */
    private String announcementLanguage(Legs legs, ResolvedParty caller, ResolvedParty callee) {
        if (legs == Legs.NONE) {
            return rules.defaultLanguage();
        }
        String who = legs.includesCaller() ? "caller" : "callee";
        ResolvedParty party = legs.includesCaller() ? caller : callee;
        String both = legs == Legs.BOTH ? " (both legs hear it, so the caller's location counts)" : "";
        Optional<String> entry = rules.languageEntry(party.location());
        if (entry.isPresent()) {
            String language = rules.languages().get(entry.get());
            reasons.add(new Reason("languages." + entry.get(), rules.origin("languages." + entry.get()),
                    "The announcement is in " + language + ": the " + who + " is in " + party.location()
                            + " and [languages] says " + entry.get() + " = " + language + both + "."));
            return language;
        }
        reasons.add(new Reason("languages.default", rules.origin("languages.default"), "The announcement is in "
                + rules.defaultLanguage() + ", the default language: the " + who + "'s location, "
                + party.location() + ", has no entry in [languages]" + both + "."));
        return rules.defaultLanguage();
    }

    /** The business's own side: extensions, the callee of an inbound call, the caller of an outbound one. */
    private boolean ownSide(ResolvedParty party, boolean isCaller) {
        Direction d = call.direction();
        return party.isExtension() || d == Direction.INTERNAL || (d == Direction.IN && !isCaller)
                || (d == Direction.OUT && isCaller);
    }

    private Retention retention() {
        for (FrameworkRetention step : rules.retentionByFramework()) {
            if (frameworks.contains(step.framework())) {
                int days = rules.retentionClasses().get(step.retentionClass());
                reasons.add(new Reason("retention.by_framework", rules.origin("retention.by_framework"),
                        "Retention class " + step.retentionClass() + " (" + days + " days): " + step.framework()
                                + " applies and is the first matching step of by_framework."));
                return new Retention(step.retentionClass(), days);
            }
        }
        int days = rules.retentionClasses().get(rules.defaultRetention());
        reasons.add(new Reason("retention.default", rules.origin("retention.default"), "Retention class "
                + rules.defaultRetention() + " (" + days + " days): no by_framework step applies."));
        return new Retention(rules.defaultRetention(), days);
    }
}
