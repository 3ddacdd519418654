package io.callvault.media.dtmf;

import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.TelephoneEvent;
import java.util.Objects;

/**
 * Key presses sent as RFC 4733 telephone-events on one leg, one start and one end per press however many
 * packets carry it. Positions are RTP timestamps extended past the 32-bit wrap (the first event's timestamp
 * as is, later ones by their signed distance from it); a press is {@code [timestamp, timestamp + duration)}.
 *
 * <p>What a packet means (RFC 4733 §2.5.1, §2.5.2):
 * <ul>
 *   <li>an event is identified by its timestamp: every packet of one press carries the same one. The first
 *       packet seen with a new, later timestamp starts a press, marker bit or not (the first packet may be
 *       lost); if it already has the E bit, the press starts and ends at once;</li>
 *   <li>later packets with that timestamp update the duration; the first with the E bit ends the press.
 *       Its retransmissions (§2.5.1.4 sends the final packet three times), late updates and packets with an
 *       older timestamp (up to {@link #STALE_AFTER} older) change nothing;</li>
 *   <li>a new timestamp while a press is still open ends it at its last known duration (its end packets
 *       were lost) and starts the next, except for the segments of a long event (§2.5.1.3): the same event
 *       whose duration had reached the 16-bit maximum (within {@link #SEGMENT_SLACK}), continued at a
 *       timestamp no later than its end plus that slack, is the same press;</li>
 *   <li>a new SSRC, or a timestamp more than {@link #STALE_AFTER} behind the latest (a sender that restarted
 *       its clock, or replays canned packets), starts over: the open press ends and the packet is taken as
 *       the first of a new stream;</li>
 *   <li>a press whose end packets are all lost and that no later press ends stays open until
 *       {@link #expire} sees a timestamp more than {@link #STALE_AFTER} past its last known end, or
 *       {@link #finish} is called.</li>
 * </ul>
 * Only the first 4-byte block of a payload is read; events that are not keys (flash, 16 and up) and payloads
 * shorter than 4 bytes are ignored. Durations are in timestamp units, 8000 per second for the 8 kHz
 * telephone-event that goes with G.711.
 *
 * <p>Not thread-safe, except {@link #updatePayloadMap}, which any thread may call. Listener calls happen
 * on the thread that calls {@link #offer}, {@link #expire} or {@link #finish}.
 */
public final class Rfc4733Tracker {
    /**
     * Timestamp units past a press's last known end after which {@link #expire} ends it, and how far back a
     * timestamp may be and still be a late packet rather than a restart (1 s).
     */
    public static final long STALE_AFTER = 8000;
    /** How close to the 16-bit maximum a segment's duration must be to be continued (200 ms). */
    public static final int SEGMENT_SLACK = 1600;

    private final DigitListener listener;
    private volatile PayloadMap payloads;

    private boolean seen;
    private long ssrc;
    /** Extended timestamp of the latest segment seen. */
    private long segment;
    private int segmentDuration;
    private int event;
    private boolean open;
    private long start;

    public Rfc4733Tracker(PayloadMap payloads, DigitListener listener) {
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What this leg's payload types carry, after a re-INVITE. */
    public void updatePayloadMap(PayloadMap map) {
        this.payloads = Objects.requireNonNull(map, "map");
    }

    /** True if {@code payloadType} is a telephone-event type on this leg. */
    public boolean isTelephoneEvent(int payloadType) {
        return payloads.kindOf(payloadType) == PayloadKind.TELEPHONE_EVENT;
    }

    /**
     * Reads one packet of the leg; anything but telephone-event is ignored.
     *
     * @return true if the packet is a telephone-event packet by this leg's payload map, whether or not it
     *     started or ended a press
     */
    public boolean offer(RtpPacket rtp) {
        if (!isTelephoneEvent(rtp.payloadType())) {
            return false;
        }
        TelephoneEvent te = TelephoneEvent.read(rtp.payload()).orElse(null);
        if (te == null || !te.isDtmf()) {
            return true;
        }
        if (seen && rtp.ssrc() != ssrc) {
            restart();
        }
        ssrc = rtp.ssrc();
        long ts = extend(rtp.timestamp());
        if (seen && segment - ts > STALE_AFTER) {
            restart();
            ts = rtp.timestamp();
        }
        if (seen && ts == segment) {
            if (open) {
                segmentDuration = Math.max(segmentDuration, te.duration());
                if (te.end()) {
                    close();
                }
            }
            return true;
        }
        if (seen && ts < segment) {
            return true;
        }
        boolean continues = open && te.event() == event && segmentDuration >= 0xffff - SEGMENT_SLACK
                && ts <= segment + segmentDuration + SEGMENT_SLACK;
        if (open && !continues) {
            close();
        }
        seen = true;
        segment = ts;
        segmentDuration = te.duration();
        if (!continues) {
            event = te.event();
            start = ts;
            open = true;
            listener.digitStarted(new DigitEvent(Keypad.ofEvent(event), start, DigitEvent.ONGOING));
        }
        if (te.end()) {
            close();
        }
        return true;
    }

    /**
     * Ends an open press whose last known end is more than {@link #STALE_AFTER} before {@code timestamp}, an
     * RTP timestamp of the same stream (an audio packet's, say).
     */
    public void expire(long timestamp) {
        if (open && extend(timestamp) - (segment + segmentDuration) > STALE_AFTER) {
            close();
        }
    }

    /** Ends an open press at its last known duration: the stream is over. */
    public void finish() {
        if (open) {
            close();
        }
    }

    /** True while a press has started and not ended. */
    public boolean pressed() {
        return open;
    }

    /** A new SSRC, or a timestamp far behind: a new stream, whose first event starts a press. */
    private void restart() {
        if (open) {
            close();
        }
        seen = false;
    }

    private void close() {
        open = false;
        listener.digitEnded(new DigitEvent(Keypad.ofEvent(event), start, segment + segmentDuration));
    }

    /** The 32-bit {@code timestamp} as a position near the latest segment (the first seen as is). */
    private long extend(long timestamp) {
        if (!seen) {
            return timestamp;
        }
        return segment + (int) (timestamp - (segment & 0xffffffffL));
    }
}
