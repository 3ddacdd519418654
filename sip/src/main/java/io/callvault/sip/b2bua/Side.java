package io.callvault.sip.b2bua;

/** The two legs of a call through the B2BUA: the party that called, and the party that was called. */
public enum Side {
    CALLER, CALLEE;

    public Side other() {
        return this == CALLER ? CALLEE : CALLER;
    }
}
