package io.callvault.core;

import java.util.Locale;

/** Which way a call went, seen from the business: in (a customer called us) or out. */
public enum Direction {
    IN, OUT, INTERNAL;

    /** Parses "in", "out" or "internal" in any case; the message names what is allowed. */
    public static Direction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("direction must be in, out or internal, not '" + text + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
