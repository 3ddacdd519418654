package io.callvault.policy.rules;

import java.io.Serial;
import java.util.List;

/**
 * The rule files could not be loaded. The message lists every problem found as {@code FILE:LINE: REASON}, so
 * one run shows all that needs fixing; {@link #problems()} gives them as values.
 */
public final class RuleFileException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RuleFileException(List<RuleProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Never empty, in file order. */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static String message(List<RuleProblem> problems) {
        StringBuilder sb = new StringBuilder("the policy rules are not valid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append("); fix the file and start again, the format is in docs/policy-rules.md:");
        for (RuleProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
