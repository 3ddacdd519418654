package io.callvault.policy;

/**
 * How the parties' agreement to recording is obtained, from most lenient to strictest; across parties the
 * strictest wins ({@link #stricterOf}).
 */
public enum ConsentMechanism {
    /** Nothing is asked or said: the business, as a party, consents (US one-party, not announced). */
    NONE,
    /** The parties are told the call is recorded; their consent is not needed (one-party, GDPR notice). */
    NOTICE,
    /** The parties are told, and staying on the line is taken as consent (PIPEDA implied consent). */
    CONSENT_BY_CONTINUING,
    /**
     * Every party must consent: they are told, and one who refuses (the opt-out key, if any, or hanging up)
     * is not recorded. Also the treatment of unknown locations.
     */
    ALL_PARTY_CONSENT;

    /** The stricter of two mechanisms. */
    public static ConsentMechanism stricterOf(ConsentMechanism a, ConsentMechanism b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** True when a party's refusal must stop the recording. */
    public boolean needsConsent() {
        return compareTo(CONSENT_BY_CONTINUING) >= 0;
    }
}
