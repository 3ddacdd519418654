package io.callvault.policy;

import io.callvault.policy.rules.Framework;
import io.callvault.policy.rules.LanguageTags;
import io.callvault.policy.rules.LawfulBasis;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Policy#decide} concluded for one call, with everything needed to act on it and to explain it
 * later. Immutable; callers serialise the records as they are.
 *
 * @param record       whether the call is recorded at all
 * @param announceTo   which legs hear the recording announcement; {@link Legs#NONE} when nothing is played
 * @param announcementLanguage the language tag ({@link LanguageTags} form) the announcement is played in: that
 *                     of the announced party's location by the rules' [languages] (the caller's when both legs
 *                     hear it), the rules' default where no entry applies and when nothing is played; never null
 * @param consent      how consent is obtained, and the opt-out key offered during the announcement
 * @param frameworks   every framework that applied, in {@link Framework} order
 * @param lawfulBasis  the GDPR basis of the purpose, or {@link LawfulBasis#NOT_APPLICABLE} when neither GDPR
 *                     nor UK GDPR applied
 * @param retention    the retention class the recording is filed under
 * @param flags        PHI and PCI pause
 * @param phiRoles     the roles that may access the recording when {@code flags.phi()}; empty otherwise
 * @param warnings     things an operator must fix or check; empty when none
 * @param inputs       the resolved inputs
 * @param rulesVersion the rule files' version
 * @param rulesSha256  the rule files' hash
 * @param reasons      in order, the rules that led to the decision
 */
public record Decision(boolean record, Legs announceTo, String announcementLanguage, Consent consent,
                       Set<Framework> frameworks, LawfulBasis lawfulBasis, Retention retention, Flags flags,
                       Set<String> phiRoles, List<String> warnings, DecisionInputs inputs, String rulesVersion,
                       String rulesSha256, List<Reason> reasons) {
    public Decision {
        Objects.requireNonNull(announceTo, "announceTo");
        LanguageTags.require(announcementLanguage);
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(lawfulBasis, "lawfulBasis");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(rulesSha256, "rulesSha256");
        frameworks = Collections.unmodifiableSet(frameworks.isEmpty() ? EnumSet.noneOf(Framework.class)
                : EnumSet.copyOf(frameworks));
        phiRoles = Collections.unmodifiableSet(new LinkedHashSet<>(phiRoles));
        warnings = List.copyOf(warnings);
        reasons = List.copyOf(reasons);
        if (!record && announceTo != Legs.NONE) {
            throw new IllegalArgumentException("a call that is not recorded is not announced");
        }
    }

    /** True when an announcement is played to at least one leg. */
    public boolean announce() {
        return announceTo != Legs.NONE;
    }

    /** A multi-line text for people (the CLI's {@code policy explain}); the layout is not a stable format. */
    public String describe() {
        return DecisionText.render(this);
    }
}
