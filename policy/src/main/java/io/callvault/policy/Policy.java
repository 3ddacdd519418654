package io.callvault.policy;

import io.callvault.policy.jurisdiction.JurisdictionResolver;
import io.callvault.policy.rules.RuleSet;
import io.callvault.policy.rules.RulesLoader;
import java.util.Objects;

/**
 * The recording policy: decides from a {@link CallContext} whether and how a call is recorded.
 *
 * <p>{@link #decide} is a pure function of the context, the loaded {@link RuleSet} and the area-code table:
 * no I/O, no clock, no state, so the same inputs always give the same {@link Decision} and it can be re-run
 * to explain a past call. The decision tree, in order:
 * <ol>
 *   <li>resolve each party's location (unknown stays unknown);</li>
 *   <li>each party's jurisdiction gives a framework and a consent mechanism: GDPR / UK GDPR (inform;
 *       consent if the purpose's basis is consent), PIPEDA (consent by continuing), a US all-party state
 *       (every party consents), a US one-party state (announced anyway unless configured not to), anything
 *       else or unknown (strictest: every party consents);</li>
 *   <li>the strictest mechanism across parties wins;</li>
 *   <li>industry flags: HIPAA marks PHI and limits access to the rules' roles (warning when an external blob
 *       store has no business associate agreement); PCI requires the payment pause;</li>
 *   <li>a softphone's {@code a=recordpref:off} stops recording only where consent is needed;</li>
 *   <li>announcement legs, opt-out key and retention class follow.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class Policy {
    private final RuleSet rules;
    private final JurisdictionResolver resolver;

    public Policy(RuleSet rules, JurisdictionResolver resolver) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The built-in rules and area-code table, without an operator override. */
    public static Policy builtIn() {
        return new Policy(RulesLoader.builtIn(), JurisdictionResolver.builtIn());
    }

    public RuleSet rules() {
        return rules;
    }

    /** Decides for one call; never throws for a well-formed context, whatever its numbers. */
    public Decision decide(CallContext call) {
        Objects.requireNonNull(call, "call");
        return new DecisionTree(rules, resolver, call).decide();
    }
}
