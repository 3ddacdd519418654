package io.callvault.media.relay;

/**
 * No RTP/RTCP port pair could be bound. Carries what an operator needs to act: the range, how many pairs
 * callvault holds, how many were skipped because another process had bound them, and the last bind error
 * as the cause (a wrong bind address shows up there as "Cannot assign requested address").
 */
public final class PortPoolExhaustedException extends IllegalStateException {
    private final String range;
    private final int capacity;
    private final int inUse;
    private final int boundElsewhere;

    PortPoolExhaustedException(String range, int capacity, int inUse, int boundElsewhere, Throwable lastBindError) {
        super("no free RTP/RTCP port pair in " + range + ": " + capacity + " pairs, " + inUse
                + " in use by callvault calls, " + boundElsewhere + " bound by other processes; "
                + "widen the RTP port range, free the ports held elsewhere, or lower the number of concurrent calls",
                lastBindError);
        this.range = range;
        this.capacity = capacity;
        this.inUse = inUse;
        this.boundElsewhere = boundElsewhere;
    }

    /** The range and bind address, e.g. {@code 127.0.0.1:40000-40099}. */
    public String range() {
        return range;
    }

    public int capacity() {
        return capacity;
    }

    public int inUse() {
        return inUse;
    }

    /** Pairs tried during the failed allocation whose bind failed, i.e. held by someone else. */
    public int boundElsewhere() {
        return boundElsewhere;
    }
}
