package io.callvault.policy.rules;

/**
 * One thing wrong in a rule file.
 *
 * @param file   the source's name (the override file's path, or the built-in resource's name)
 * @param line   1-based line number
 * @param reason what is wrong and, where it helps, what is allowed
 */
public record RuleProblem(String file, int line, String reason) {
    /** {@code file:line: reason}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
