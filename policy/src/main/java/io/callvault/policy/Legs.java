package io.callvault.policy;

/** Which legs of the call hear the announcement. */
public enum Legs {
    NONE, CALLER, CALLEE, BOTH;

    static Legs of(boolean caller, boolean callee) {
        return caller ? (callee ? BOTH : CALLER) : (callee ? CALLEE : NONE);
    }

    public boolean includesCaller() {
        return this == CALLER || this == BOTH;
    }

    public boolean includesCallee() {
        return this == CALLEE || this == BOTH;
    }
}
