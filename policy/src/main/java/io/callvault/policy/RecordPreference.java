package io.callvault.policy;

import java.util.Locale;

/**
 * The recording preference a party's user agent signalled with the SDP attribute {@code a=recordpref}
 * (RFC 7866 §6). It is a request, not a right: {@link Policy#decide} honours {@link #OFF} and {@link #PAUSE}
 * only where the law makes recording depend on that party's consent (see docs/policy-rules.md).
 */
public enum RecordPreference {
    /** {@code on}: the party asks for the call to be recorded. */
    ON,
    /** {@code off}: the party asks for it not to be recorded. */
    OFF,
    /** {@code pause}: the party asks for recording to be paused; at call set-up this is taken as {@code off}. */
    PAUSE,
    /** {@code nopreference}, or no attribute at all. */
    NO_PREFERENCE;

    /** The SDP token: {@code on}, {@code off}, {@code pause}, {@code nopreference}. */
    public String sdpToken() {
        return this == NO_PREFERENCE ? "nopreference" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the value of {@code a=recordpref} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static RecordPreference parse(String sdpToken) {
        String t = sdpToken == null ? "" : sdpToken.strip().toLowerCase(Locale.ROOT);
        for (RecordPreference p : values()) {
            if (p.sdpToken().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("a=recordpref takes on, off, pause or nopreference, not '" + sdpToken + "'");
    }
}
