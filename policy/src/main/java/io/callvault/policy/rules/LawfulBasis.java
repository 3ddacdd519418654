package io.callvault.policy.rules;

import java.util.Locale;

/** The lawful basis for processing under GDPR / UK GDPR Art. 6(1), named per purpose in the rule file. */
public enum LawfulBasis {
    /** Art. 6(1)(a): the data subject's consent; it can be withdrawn at any time (Art. 7(3)). */
    CONSENT("Art. 6(1)(a)"),
    /** Art. 6(1)(b): needed for a contract with the data subject. */
    CONTRACT("Art. 6(1)(b)"),
    /** Art. 6(1)(c): a legal obligation of the controller (e.g. regulated trading desks). */
    LEGAL_OBLIGATION("Art. 6(1)(c)"),
    /** Art. 6(1)(d): vital interests of a person. */
    VITAL_INTERESTS("Art. 6(1)(d)"),
    /** Art. 6(1)(e): a task in the public interest; the data subject may object (Art. 21). */
    PUBLIC_TASK("Art. 6(1)(e)"),
    /** Art. 6(1)(f): the controller's legitimate interests; the data subject may object (Art. 21). */
    LEGITIMATE_INTERESTS("Art. 6(1)(f)"),
    /** No GDPR framework applied to the call, so no basis was needed. Never written in a rule file. */
    NOT_APPLICABLE("");

    private final String article;

    LawfulBasis(String article) {
        this.article = article;
    }

    /** The GDPR article, e.g. "Art. 6(1)(f)"; empty for {@link #NOT_APPLICABLE}. */
    public String article() {
        return article;
    }

    /** The lower-case name used in rule files, e.g. {@code legitimate_interests}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the data subject can stop the processing: withdraw consent or object (Art. 7(3), 21). */
    public boolean letsSubjectRefuse() {
        return this == CONSENT || this == PUBLIC_TASK || this == LEGITIMATE_INTERESTS;
    }

    /**
     * Parses a rule-file name such as {@code legitimate_interests}.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    public static LawfulBasis parse(String id) {
        for (LawfulBasis b : values()) {
            if (b != NOT_APPLICABLE && b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown lawful basis '" + id + "'; use one of consent, contract, "
                + "legal_obligation, vital_interests, public_task, legitimate_interests");
    }
}
