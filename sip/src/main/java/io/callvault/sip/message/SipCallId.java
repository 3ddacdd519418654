package io.callvault.sip.message;

import java.util.Objects;

/**
 * The SIP Call-ID (RFC 3261 §20.8): {@code word ["@" word]}, compared byte for byte. Not to be confused
 * with callvault's own call identifiers: one recorded call has two of these, one per B2BUA leg.
 */
public record SipCallId(String value) {

    public SipCallId {
        Objects.requireNonNull(value, "value");
        int at = value.indexOf('@');
        boolean ok = at != 0 && at != value.length() - 1 && value.indexOf('@', at + 1) < 0 && !value.isEmpty();
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c == '@' || SipGrammar.isWordChar(c);
        }
        if (!ok) {
            throw new SipParseException("Call-ID '" + SipGrammar.shown(value)
                    + "' is not word[@word] (RFC 3261 §25.1 callid)");
        }
    }

    public static SipCallId parse(String value) {
        return new SipCallId(SipGrammar.trimLws(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
