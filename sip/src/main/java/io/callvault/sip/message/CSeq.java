package io.callvault.sip.message;

import java.util.Objects;

/**
 * CSeq (RFC 3261 §20.16, §8.1.1.5): a sequence number that fits 32 unsigned bits and the request
 * method. Receivers accept up to 2^32-1 (senders must stay below 2^31); larger numbers are rejected
 * (RFC 4475 §3.1.2.4, §3.1.2.5). Leading zeros and LWS between the parts are fine (RFC 4475 wsinv).
 */
public record CSeq(long number, Method method) {
    public static final long MAX = 0xFFFF_FFFFL;

    public CSeq {
        Objects.requireNonNull(method, "method");
        if (number < 0 || number > MAX) {
            throw new SipParseException("CSeq number " + number + " is outside 0..2^32-1 (RFC 3261 §8.1.1.5)");
        }
    }

    public static CSeq parse(String value) {
        Cursor in = new Cursor(value, "CSeq");
        in.skipLws();
        int start = in.pos();
        while (!in.atEnd() && SipGrammar.isDigit(in.peek())) {
            in.next();
        }
        String digits = value.substring(start, in.pos());
        long number = Digits.parse(digits, MAX);
        if (number < 0) {
            throw new SipParseException("CSeq '" + SipGrammar.shown(value) + "': sequence number '"
                    + SipGrammar.shown(digits) + "' is not a decimal number in 0..2^32-1 (RFC 3261 §8.1.1.5)");
        }
        if (!in.skipLws()) {
            throw in.fail("expected white space between the number and the method");
        }
        Method method = new Method(in.token("method"));
        in.skipLws();
        if (!in.atEnd()) {
            throw in.fail("expected the end after the method");
        }
        return new CSeq(number, method);
    }

    /** The CSeq of the next request in a dialog (§12.2.1.1): number + 1, given method. */
    public CSeq next(Method nextMethod) {
        return new CSeq(number + 1, nextMethod);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
