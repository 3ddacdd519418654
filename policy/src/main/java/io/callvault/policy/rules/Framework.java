package io.callvault.policy.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A body of law or an industry standard a decision applied. Declaration order is the order decisions list them. */
public enum Framework {
    GDPR("EU/EEA General Data Protection Regulation (EU) 2016/679"),
    UK_GDPR("UK GDPR and Data Protection Act 2018"),
    PIPEDA("Canada: Personal Information Protection and Electronic Documents Act"),
    US_ALL_PARTY("US state law requiring the consent of every party"),
    US_ONE_PARTY("US law requiring the consent of one party (18 U.S.C. 2511(2)(d) and state law)"),
    UNKNOWN_STRICT("no rule covers the party's location, so the strictest treatment applies"),
    HIPAA("US HIPAA Privacy and Security Rules (45 CFR Parts 160 and 164)"),
    PCI_DSS("Payment Card Industry Data Security Standard");

    private final String title;

    Framework(String title) {
        this.title = title;
    }

    /** A short description for people. */
    public String title() {
        return title;
    }

    /**
     * Parses the exact upper-case name used in rule files ({@code GDPR}, {@code PCI_DSS}).
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Framework parse(String name) {
        for (Framework f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown framework '" + name + "'; known: " + names());
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
