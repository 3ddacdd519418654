package io.callvault.media.record;

import io.callvault.media.codec.G711;
import io.callvault.media.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One leg's side of the recording timeline: where its RTP goes, and the decoded samples not yet written out.
 *
 * <p>Sample positions are counted at 8 kHz from the recording's start. A source is anchored when its first
 * packet arrives: that packet's RTP timestamp is placed at its arrival position, and every later packet at
 * the same offset in RTP time (G.711 runs its RTP clock at the sample rate). Timestamps and sequence numbers
 * are extended past their 32- and 16-bit wrap. Re-anchoring on arrival happens for a new SSRC, for a newer
 * packet whose timestamp-derived place is further than the threshold from its arrival (timestamps restarted,
 * or a sender clock running fast), and when {@value #LATE_RUN_TO_REANCHOR} newest packets in a row would be
 * late (a sender clock running slow, or a lasting rise in network delay); without the last rule such a leg
 * would lose everything until the drift reached the threshold. Older packets (reordered stragglers) are
 * never re-anchored on: placed if their slot is still pending, else late.
 *
 * <p>Pending samples live in a ring covering {@code [emitted, emitted + capacity)}; the owner guarantees that
 * a placed packet fits (see {@link StereoRecorder}). Confined to the recorder's thread.
 */
final class LegTimeline {
    /** Keeps extended counters positive so that -1 can mark an empty duplicate slot. */
    private static final long BASE = 1L << 40;
    private static final int SEEN_SLOTS = 1024;
    static final int MAX_PACKET_SAMPLES = 8000;
    /** In-order late packets in a row that mean the leg lags, not a one-off delay spike (60 ms at 20 ms). */
    static final int LATE_RUN_TO_REANCHOR = 3;

    private final short[] samples;
    /** {@code samples.length - 1}: the ring's size is a power of two. */
    private final int mask;
    private final boolean[] filled;
    private final long[] seen = new long[SEEN_SLOTS];
    private PayloadMap payloads;

    private boolean anchored;
    private long ssrc;
    private long anchorSample;
    private long anchorTs;
    private long lastTs;
    private long lastExtTs;
    private int lastSeq;
    private long lastExtSeq;
    private long firstAudio = Long.MAX_VALUE;
    private int lateRun;
    /** Consecutive old-looking packets that follow each other (see {@link #restarted}). */
    private int strayRun;
    private int lastStraySeq;

    private long packets;
    private long recorded;
    private long duplicates;
    private long late;
    private long ignored;
    private long unknownPayload;
    private long beforeStart;
    private long oversized;
    private long afterEnd;
    private long reanchors;
    private long concealed;

    /** @param capacity samples the ring must hold at least; rounded up to a power of two */
    LegTimeline(int capacity, PayloadMap payloads) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.samples = new short[size];
        this.filled = new boolean[size];
        this.mask = size - 1;
        this.payloads = payloads;
    }

    /**
     * The ring slot of a sample position: the position modulo the ring's size, negative positions included
     * (two's complement and a power-of-two size make that a mask, not a division per sample).
     */
    private int slot(long position) {
        return (int) (position & mask);
    }

    void payloads(PayloadMap map) {
        this.payloads = map;
    }

    PacketOutcome afterEnd() {
        packets++;
        afterEnd++;
        return PacketOutcome.AFTER_END;
    }

    /**
     * Places {@code p}, which arrived at sample position {@code arrival}, given that everything before
     * {@code emitted} has been written out.
     */
    PacketOutcome place(RtpPacket p, long arrival, long emitted, long threshold) {
        packets++;
        PayloadKind kind = payloads.kindOf(p.payloadType());
        G711 codec = kind.codec();
        if (kind == PayloadKind.UNKNOWN) {
            unknownPayload++;
            return PacketOutcome.UNKNOWN_PAYLOAD;
        }
        int n = p.payloadLength();
        if (codec == null || n == 0) {
            ignored++;
            return PacketOutcome.IGNORED;
        }
        if (n > MAX_PACKET_SAMPLES) {
            oversized++;
            return PacketOutcome.OVERSIZED;
        }
        long extSeq;
        long extTs;
        if (!anchored || p.ssrc() != ssrc) {
            reanchors += anchored ? 1 : 0;
            newSource(p);
            anchor(p, arrival);
            extSeq = lastExtSeq;
            extTs = lastExtTs;
        } else {
            extSeq = lastExtSeq + (short) (p.sequenceNumber() - lastSeq);
            extTs = lastExtTs + (int) (p.timestamp() - lastTs);
            long position = anchorSample + extTs - anchorTs;
            boolean newest = extSeq > lastExtSeq;
            boolean drifted = Math.abs(position - arrival) > threshold;
            boolean lagging = newest && position < emitted && ++lateRun >= LATE_RUN_TO_REANCHOR;
            if (drifted && !newest) {
                if (!restarted(p)) {
                    late++;
                    return PacketOutcome.LATE;
                }
                // The sender restarted its stream under the same SSRC (sequence and timestamp reset, as
                // some endpoints do after a re-INVITE): treat it as a new source placed on arrival.
                reanchors++;
                newSource(p);
                anchor(p, arrival);
                extSeq = lastExtSeq;
                extTs = lastExtTs;
            } else {
                strayRun = 0;
            }
            if ((drifted || lagging) && !(drifted && !newest)) {
                reanchors++;
                anchor(p, arrival);
                extTs = lastExtTs;
            }
        }
        int slot = (int) (extSeq & (SEEN_SLOTS - 1));
        if (seen[slot] == extSeq) {
            duplicates++;
            return PacketOutcome.DUPLICATE;
        }
        long position = anchorSample + extTs - anchorTs;
        if (position + n <= 0) {
            beforeStart++;
            return PacketOutcome.BEFORE_START;
        }
        if (position < emitted && !(position < 0 && emitted == 0)) {
            late++;
            return PacketOutcome.LATE;
        }
        if (position + n > emitted + samples.length) {
            // StereoRecorder sizes the ring so that this cannot happen; fail loudly rather than overwrite.
            throw new IllegalStateException("packet at sample " + position + " (+" + n + ") outside the pending ring ["
                    + emitted + ", " + (emitted + samples.length) + ")");
        }
        write(codec, p.payload(), position, emitted);
        seen[slot] = extSeq;
        if (extSeq > lastExtSeq) {
            lastExtSeq = extSeq;
            lastSeq = p.sequenceNumber();
            lateRun = 0;
        }
        if (extTs > lastExtTs) {
            lastExtTs = extTs;
            lastTs = p.timestamp();
        }
        recorded++;
        return PacketOutcome.RECORDED;
    }

    /**
     * True once {@value #LATE_RUN_TO_REANCHOR} packets in a row that look old (far off the timeline, not
     * newer than the last one) are consecutive among themselves: a restarted stream, not stray late packets.
     */
    private boolean restarted(RtpPacket p) {
        boolean consecutive = strayRun > 0 && (short) (p.sequenceNumber() - lastStraySeq) == 1;
        strayRun = consecutive ? strayRun + 1 : 1;
        lastStraySeq = p.sequenceNumber();
        if (strayRun >= LATE_RUN_TO_REANCHOR) {
            strayRun = 0;
            return true;
        }
        return false;
    }

    private void newSource(RtpPacket p) {
        ssrc = p.ssrc();
        Arrays.fill(seen, -1);
        lastSeq = p.sequenceNumber();
        lastExtSeq = BASE + lastSeq;
    }

    private void anchor(RtpPacket p, long arrival) {
        anchored = true;
        lateRun = 0;
        anchorSample = arrival;
        lastTs = p.timestamp();
        lastExtTs = BASE;
        anchorTs = BASE;
    }

    private void write(G711 codec, ByteBuffer payload, long position, long emitted) {
        for (int i = 0; i < payload.limit(); i++) {
            long s = position + i;
            if (s >= emitted) {
                int index = slot(s);
                samples[index] = codec.decode(payload.get(i));
                filled[index] = true;
            }
        }
        firstAudio = Math.min(firstAudio, Math.max(position, emitted));
    }

    /** The sample at {@code position} for writing out, leaving its slot empty; silence if none arrived. */
    short take(long position) {
        int index = slot(position);
        if (!filled[index]) {
            concealed += position >= firstAudio ? 1 : 0;
            return 0;
        }
        filled[index] = false;
        short value = samples[index];
        samples[index] = 0;
        return value;
    }

    LegStats stats() {
        return new LegStats(packets, recorded, duplicates, late, ignored, unknownPayload, beforeStart, oversized,
                afterEnd, reanchors, concealed);
    }
}
