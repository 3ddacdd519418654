package io.callvault.policy;

import java.util.Objects;

/**
 * One step of a decision's explanation.
 *
 * @param rule   the rule that applied: a rule-file key ({@code us.all_party_states}) or a step of the decision
 *               tree ({@code tree.strictest_wins})
 * @param origin where that rule is written: {@code file:line} for rule-file keys, {@code decision tree} otherwise
 * @param text   one sentence saying what the rule led to
 */
public record Reason(String rule, String origin, String text) {
    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text + " [" + rule + ", " + origin + "]";
    }
}
