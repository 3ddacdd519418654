package io.callvault.sip.message;

/**
 * Content-Length (RFC 3261 §20.14): the body size in octets. Codecs read it to frame a message and write
 * it from the body; the message model never stores it. Negative or overlarge values are rejected (RFC
 * 4475 §3.1.2.3) so they can never be used as an index.
 */
public record ContentLength(int bytes) {

    public ContentLength {
        if (bytes < 0) {
            throw new SipParseException("Content-Length " + bytes + " is negative");
        }
    }

    public static ContentLength parse(String value) {
        String v = SipGrammar.trimLws(value);
        long n = Digits.parse(v, Integer.MAX_VALUE);
        if (n < 0) {
            throw new SipParseException("Content-Length '" + SipGrammar.shown(value)
                    + "' is not a decimal number of octets in 0.."
                    + Integer.MAX_VALUE + " (RFC 3261 §20.14)");
        }
        return new ContentLength((int) n);
    }

    @Override
    public String toString() {
        return Integer.toString(bytes);
    }
}
