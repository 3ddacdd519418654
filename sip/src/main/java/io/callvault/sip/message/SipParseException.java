package io.callvault.sip.message;

/**
 * A header value, URI or start-line element does not match the RFC 3261 §25 grammar. Thrown by the
 * typed views ({@link Via#parse}, {@link NameAddr#parse}, {@link SipUri#parse}...) when they are asked to
 * read text that is not valid; the codec turns it into a parse failure value, so it never escapes from
 * {@code SipParser}. The message names the element, the offending text and what was expected.
 */
public final class SipParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SipParseException(String message) {
        super(message);
    }
}
