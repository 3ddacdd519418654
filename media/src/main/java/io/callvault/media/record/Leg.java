package io.callvault.media.record;

/** The two legs of a recorded call and the channel each one is written to. */
public enum Leg {
    /** Leg A, the calling party: channel 0 (left). */
    CALLER(0),
    /** Leg B, the called party: channel 1 (right). */
    CALLEE(1);

    private final int channel;

    Leg(int channel) {
        this.channel = channel;
    }

    public int channel() {
        return channel;
    }
}
