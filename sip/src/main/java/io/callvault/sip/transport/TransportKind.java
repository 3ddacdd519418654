package io.callvault.sip.transport;

/** The transports callvault speaks (RFC 3261 §18). TLS will join when the transport supports it. */
public enum TransportKind {
    UDP(false),
    TCP(true);

    private final boolean reliable;

    TransportKind(boolean reliable) {
        this.reliable = reliable;
    }

    /**
     * True for stream transports: no retransmissions (RFC 3261 §17.1.1.2, §17.1.2.2) and the wait
     * timers D, I, J, K are zero (Table 4).
     */
    public boolean isReliable() {
        return reliable;
    }

    /** The sent-protocol transport token for a Via (RFC 3261 §20.42), e.g. {@code UDP}. */
    public String viaToken() {
        return name();
    }
}
