package io.callvault.sip.message;

import java.util.Objects;

/**
 * A URI of a scheme other than sip/sips, kept opaque: {@code scheme ":" scheme-specific-part}, checked
 * against the RFC 2396 absoluteURI characters (as RFC 3261 §25.1 references them, plus RFC 2732
 * brackets). Nothing is decoded; equality is textual with the scheme compared case-insensitively.
 */
public record AbsoluteUri(String scheme, String schemeSpecificPart) implements Uri {

    public AbsoluteUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(schemeSpecificPart, "schemeSpecificPart");
        String shown = SipGrammar.shown(scheme + ":" + schemeSpecificPart);
        boolean schemeOk = !scheme.isEmpty() && SipGrammar.isAlpha(scheme.charAt(0));
        for (int i = 1; schemeOk && i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            schemeOk = SipGrammar.isAlphanum(c) || c == '+' || c == '-' || c == '.';
        }
        if (!schemeOk) {
            throw new SipParseException("URI '" + shown + "': the scheme must be a letter followed by letters,"
                    + " digits, '+', '-' or '.' (RFC 2396 §3.1)");
        }
        if (scheme.equalsIgnoreCase("sip") || scheme.equalsIgnoreCase("sips")) {
            throw new IllegalArgumentException("a " + scheme + " URI must be a SipUri, not an AbsoluteUri");
        }
        if (schemeSpecificPart.isEmpty()) {
            throw new SipParseException("URI '" + shown + "' has nothing after the scheme");
        }
        SipGrammar.unescape(schemeSpecificPart, SipGrammar::isUriChar, "URI scheme-specific part");
    }

    public static AbsoluteUri parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("'" + SipGrammar.shown(text)
                    + "' is not a URI: expected scheme ':' ... (RFC 3261 §19)");
        }
        return new AbsoluteUri(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbsoluteUri other && scheme.equalsIgnoreCase(other.scheme)
                && schemeSpecificPart.equals(other.schemeSpecificPart);
    }

    @Override
    public int hashCode() {
        return scheme.toLowerCase(java.util.Locale.ROOT).hashCode() * 31 + schemeSpecificPart.hashCode();
    }

    @Override
    public String toString() {
        return scheme + ":" + schemeSpecificPart;
    }
}
