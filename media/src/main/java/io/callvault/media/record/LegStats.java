package io.callvault.media.record;

/**
 * Counters of one leg, a snapshot. {@code packets} counts every packet given to the recorder; each of the
 * others counts one {@link PacketOutcome}. {@code reanchors} counts re-anchorings after the first packet
 * (new SSRC, or a timestamp jump beyond the threshold). {@code concealedSamples} counts samples of this
 * leg's channel, after its first audio, that were written as silence because no audio was there: lost or
 * late packets, and pauses in sending (hold, silence suppression).
 */
public record LegStats(long packets, long recorded, long duplicates, long late, long ignored, long unknownPayload,
        long beforeStart, long oversized, long afterEnd, long reanchors, long concealedSamples) {

    /** {@link #concealedSamples} in milliseconds (8 samples per millisecond). */
    public long concealedMillis() {
        return concealedSamples / 8;
    }
}
