package io.callvault.policy.rules;

import java.util.Locale;

/** An industry flag on a line or extension: which industry rules its calls fall under. */
public enum LineFlag {
    /** Calls may carry protected health information (HIPAA). */
    HIPAA,
    /** Calls may carry payment card data (PCI DSS). */
    PCI;

    /** The lower-case name used in rule files and call contexts: {@code hipaa}, {@code pci}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code hipaa} or {@code pci} (exact, lower case).
     *
     * @throws IllegalArgumentException naming the known flags
     */
    public static LineFlag parse(String id) {
        for (LineFlag f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown line flag '" + id + "'; known: hipaa, pci");
    }
}
