package io.callvault.sip.message;

/**
 * A URI as SIP carries it in the Request-URI and in name-addr values (RFC 3261 §19, §25.1
 * {@code Request-URI = SIP-URI / SIPS-URI / absoluteURI}). {@code sip:} and {@code sips:} are read into
 * {@link SipUri}; any other scheme (tel, http, urn, schemes nobody knows) stays an opaque
 * {@link AbsoluteUri}, so a message with such a URI still parses and the application decides (RFC 4475
 * §3.3.2: a UAS answers 416 Unsupported URI Scheme). {@link #toString()} is the wire form.
 */
public sealed interface Uri permits SipUri, AbsoluteUri {

    /** The scheme in lower case for sip/sips, as written for others. */
    String scheme();

    /** Parses a URI without surrounding white space or angle brackets. */
    static Uri parse(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String scheme = text.substring(0, colon);
            if (scheme.equalsIgnoreCase("sip") || scheme.equalsIgnoreCase("sips")) {
                return SipUri.parse(text);
            }
        }
        return AbsoluteUri.parse(text);
    }
}
