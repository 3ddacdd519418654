package io.callvault.sip.codec;

import io.callvault.sip.message.SipMessage;

/** Serializes and re-parses with limits generous enough for the longer canonical form. */
final class SipParserRoundTrip {
    static final SipParser RELAXED = new SipParser(new Limits(1 << 20, 1 << 16, 1 << 20, 1 << 21));

    private SipParserRoundTrip() {
    }

    /** parse(serialize(m)); throws AssertionError with the failure if the serialized form does not parse. */
    static SipMessage roundTrip(SipMessage m) {
        byte[] wire = SipSerializer.serialize(m);
        ParseResult again = RELAXED.parseDatagram(wire);
        if (again instanceof ParseResult.Parsed parsed) {
            return parsed.message();
        }
        throw new AssertionError("serialized message does not parse again: " + again + "\n"
                + new String(wire, java.nio.charset.StandardCharsets.UTF_8));
    }
}
