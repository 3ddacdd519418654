package io.callvault.sip.message;

/** Max-Forwards (RFC 3261 §20.22, §8.1.1.6): 0..255 hops; leading zeros allowed (RFC 4475 wsinv). */
public record MaxForwards(int hops) {
    public static final MaxForwards DEFAULT = new MaxForwards(70);

    public MaxForwards {
        if (hops < 0 || hops > 255) {
            throw new SipParseException("Max-Forwards " + hops + " is outside 0..255 (RFC 4475 §3.1.2.4)");
        }
    }

    public static MaxForwards parse(String value) {
        String v = SipGrammar.trimLws(value);
        long hops = Digits.parse(v, 255);
        if (hops < 0) {
            throw new SipParseException("Max-Forwards '" + SipGrammar.shown(value)
                    + "' is not a decimal number in 0..255");
        }
        return new MaxForwards((int) hops);
    }

    /** The value a proxy or B2BUA forwards (§16.6 step 3); throws at 0, where the answer is 483. */
    public MaxForwards decremented() {
        if (hops == 0) {
            throw new IllegalStateException("Max-Forwards is 0: answer 483 Too Many Hops (RFC 3261 §16.3)");
        }
        return new MaxForwards(hops - 1);
    }

    @Override
    public String toString() {
        return Integer.toString(hops);
    }
}
