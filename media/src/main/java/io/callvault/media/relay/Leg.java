package io.callvault.media.relay;

/**
 * One side of a relayed call. {@link #A} faces the caller, {@link #B} the callee; packets received on one
 * leg's sockets are sent out of the other leg's sockets.
 */
public enum Leg {
    A, B;

    /** The leg that packets received on this leg are forwarded to. */
    public Leg other() {
        return this == A ? B : A;
    }
}
