package io.callvault.policy.rules;

import java.util.List;

/**
 * One {@code key = value} line of a rule file, already checked against the schema.
 *
 * @param source  the file it came from
 * @param line    1-based
 * @param section the section it sits in
 * @param key     as written
 * @param op      '=', '+=' or '-='
 * @param tokens  the value split on whitespace and commas; empty for an empty list
 */
record RuleEntry(RuleSource source, int line, String section, String key, Op op, List<String> tokens) {
    enum Op {
        SET("="), ADD("+="), REMOVE("-=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    RuleEntry {
        tokens = List.copyOf(tokens);
    }

    /** {@code section.key}, the key's name across files. */
    String qualifiedKey() {
        return section + "." + key;
    }

    /** {@code file:line}, for reasons and messages. */
    String where() {
        return source.name() + ":" + line;
    }

    RuleProblem problem(String reason) {
        return new RuleProblem(source.name(), line, reason);
    }
}
