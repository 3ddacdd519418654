package io.callvault.media.dtmf;

import io.callvault.media.codec.G711;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.RelayStage;
import io.callvault.media.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Masks the keys pressed on one leg in the RTP that leaves it: the audio of every in-band key (and of every
 * RFC 4733 press) is replaced, with a guard before and after, and telephone-event packets are dropped or
 * passed. Put {@link #stage} before the recording tap so the tap records masked audio; to mask only the
 * recording, run a masker on the tap's copy of each packet instead.
 *
 * <p>What {@link #process} does with a packet that arrived on {@link #leg()}, by what its payload type
 * carries on that leg ({@link PayloadMap}):
 * <ul>
 *   <li>G.711 (PCMU, PCMA): its samples go into the {@link DtmfDetector} and a delay line; its payload is
 *       overwritten with the audio from {@link MaskSettings#delay()} earlier, with every sample inside a
 *       masked span replaced ({@link MaskSettings#replacement()}). Headers are kept. Audio outside the spans
 *       comes out bit for bit as it went in, only later (transcoded if the payload type changed between).
 *       Detection confirms a key 40 ms after its start, so a delay of at least 40 ms plus the guard lets the
 *       span reach back before the key's first sample has left.</li>
 *   <li>telephone-event: read by an {@link Rfc4733Tracker}; the press's time is masked in the audio too
 *       (phones often leak the start of the tone before switching to events); the packet is passed if
 *       {@link MaskSettings#forwardTelephoneEvents()}, dropped otherwise.</li>
 *   <li>comfort noise: passed (it carries no audio).</li>
 *   <li>anything else, and packets that are not valid RTP: dropped, since what cannot be inspected cannot be
 *       masked (fail closed).</li>
 * </ul>
 *
 * <p>Positions: the masker's stream starts at 0 with the first G.711 packet and advances by RTP timestamp.
 * Missing samples (loss, silence suppression) up to 1 s are silence to the detector and the output; a jump
 * of more than 1 s forward or 200 ms back, or a new SSRC, is a discontinuity: the detector starts over and
 * the stream continues where it was, so nothing already held is lost. A packet that arrives after later
 * ones (reordered) brings no audio of its own (its time was taken as silence) but carries its share of the
 * delayed stream. Consequences: a sender that stops (silence suppression, hold) never sends the last
 * {@code delay} of audio before it stops; keys are reported in these positions.
 *
 * <p>Keys are reported to a {@link MaskedDigitListener}, once per press: a key heard in-band and also sent
 * as events, at overlapping times (within 100 ms), is reported by the first source only. Nothing here logs
 * a key or audio.
 *
 * <p>Threading: {@link #process} and {@link #finish} run on one thread at a time (the relay's event loop);
 * {@link #updatePayloadMap} and {@link #stats} may be called from any thread. Buffer ownership: as
 * {@link io.callvault.media.relay.PacketRewriter}; the payload is rewritten in place, nothing is kept.
 */
public final class DtmfMasker {
    private static final Logger LOG = LoggerFactory.getLogger(DtmfMasker.class);
    /** Largest forward timestamp jump filled with silence (1 s). */
    static final int MAX_GAP = 8000;
    /** Oldest late packet still placed in the stream (200 ms). */
    static final int MAX_LATE = 1600;
    /** Largest G.711 payload handled: a relay datagram is at most 2 KiB. */
    static final int MAX_PAYLOAD = 2048;
    /** How far apart an in-band key and an RFC 4733 press of the same key may be and still be one press. */
    static final int SAME_PRESS = 800;

    private final Leg leg;
    private final MaskSettings settings;
    private final int guard;
    private final int delay;
    private final MaskedDigitListener listener;
    private final DtmfDetector detector;
    private final Rfc4733Tracker tracker;
    private final DelayLine line;
    private final short[] pcm = new short[MAX_PAYLOAD];
    private final Press inBand = new Press(MaskedDigit.Source.IN_BAND);
    private final Press events = new Press(MaskedDigit.Source.RFC_4733);
    private volatile PayloadMap payloads;

    private boolean started;
    private long refSsrc;
    private long refTimestamp;
    private long refPosition;
    private long expected;
    private long eventSsrc;

    private volatile long audioPackets;
    private volatile long maskedPackets;
    private volatile long latePackets;
    private volatile long gapSamples;
    private volatile long discontinuities;
    private volatile long droppedEventPackets;
    private volatile long droppedOtherPackets;
    private volatile long inBandDigits;
    private volatile long eventDigits;
    private volatile long duplicateDigits;
    private volatile long listenerFailures;

    /**
     * @param leg      the leg whose packets this masker handles (where the keys are pressed)
     * @param settings how to mask
     * @param payloads what that leg's payload types carry; see {@link #updatePayloadMap}
     * @param listener told of each key, masked in its {@code toString}
     */
    public DtmfMasker(Leg leg, MaskSettings settings, PayloadMap payloads, MaskedDigitListener listener) {
        this.leg = Objects.requireNonNull(leg, "leg");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.guard = settings.guardSamples();
        this.delay = settings.delaySamples();
        this.detector = new DtmfDetector(new Reporter(inBand, true));
        this.tracker = new Rfc4733Tracker(payloads, new Reporter(events, false));
        this.line = new DelayLine(delay + MAX_LATE + MAX_PAYLOAD, settings.replacement());
    }

    /**
     * A chain stage, named "dtmf-mask", that hands each packet to the masker of the leg it arrived on and
     * passes packets of legs without one.
     *
     * @throws IllegalArgumentException if two maskers are for the same leg
     */
    public static RelayStage.Rewrite stage(DtmfMasker... maskers) {
        DtmfMasker[] byLeg = new DtmfMasker[Leg.values().length];
        for (DtmfMasker m : maskers) {
            if (byLeg[m.leg.ordinal()] != null) {
                throw new IllegalArgumentException("two DTMF maskers for leg " + m.leg);
            }
            byLeg[m.leg.ordinal()] = m;
        }
        return new RelayStage.Rewrite("dtmf-mask", (from, packet, nanos) -> {
            DtmfMasker masker = byLeg[from.ordinal()];
            return masker == null || masker.process(packet);
        });
    }

    public Leg leg() {
        return leg;
    }

    public MaskSettings settings() {
        return settings;
    }

    /** Replaces what this leg's payload types carry, after a re-INVITE; any thread. */
    public void updatePayloadMap(PayloadMap map) {
        payloads = Objects.requireNonNull(map, "map");
        tracker.updatePayloadMap(map);
    }

    /**
     * Handles one packet from {@link #leg()}: {@code packet} holds it from its position to its limit, and is
     * rewritten in place. See the class comment.
     *
     * @return true to forward the packet, false to drop it
     */
    public boolean process(ByteBuffer packet) {
        if (!RtpPacket.check(packet).isValid()) {
            droppedOtherPackets++;
            return false;
        }
        RtpPacket rtp = RtpPacket.wrap(packet);
        switch (payloads.kindOf(rtp.payloadType())) {
            case PCMU -> {
                return audio(rtp, G711.ULAW);
            }
            case PCMA -> {
                return audio(rtp, G711.ALAW);
            }
            case TELEPHONE_EVENT -> {
                eventSsrc = rtp.ssrc();
                tracker.offer(rtp);
                if (settings.forwardTelephoneEvents()) {
                    return true;
                }
                droppedEventPackets++;
                return false;
            }
            case COMFORT_NOISE -> {
                return true;
            }
            default -> {
                droppedOtherPackets++;
                return false;
            }
        }
    }

    /** The call is over: presses still open end (and are reported). The audio still held is not sent. */
    public void finish() {
        detector.finish();
        tracker.finish();
    }

    public DtmfMaskerStats stats() {
        return new DtmfMaskerStats(audioPackets, maskedPackets, latePackets, gapSamples, discontinuities,
                droppedEventPackets, droppedOtherPackets, inBandDigits, eventDigits, duplicateDigits,
                listenerFailures);
    }

    private boolean audio(RtpPacket rtp, G711 law) {
        ByteBuffer payload = rtp.payload();
        int n = payload.remaining();
        if (n > MAX_PAYLOAD) {
            droppedOtherPackets++;
            return false;
        }
        long at = place(rtp, n);
        if (at > expected) {
            long gap = at - expected;
            line.appendGap(gap);
            expected = at;
            gapSamples += gap;
            detector.silence(gap);
        }
        int skip = (int) (expected - at);
        if (skip > 0) {
            latePackets++;
        }
        if (skip < n) {
            int fresh = n - skip;
            line.append(law, payload, skip, fresh);
            for (int i = 0; i < fresh; i++) {
                pcm[i] = law.decode(payload.get(skip + i));
            }
            expected = at + n;
            detector.process(pcm, 0, fresh);
        }
        if (tracker.pressed() && rtp.ssrc() == eventSsrc) {
            tracker.expire(rtp.timestamp());
        }
        line.prune();
        if (line.render(at - delay, n, law, payload)) {
            maskedPackets++;
        }
        audioPackets++;
        return true;
    }

    /** The stream position of {@code rtp}'s first sample; see the class comment on positions. */
    private long place(RtpPacket rtp, int n) {
        long at;
        if (!started || rtp.ssrc() != refSsrc) {
            at = expected;
            if (started) {
                discontinuity();
            }
        } else {
            at = refPosition + (int) (rtp.timestamp() - refTimestamp);
            if (at > expected + MAX_GAP || at + n < expected - MAX_LATE) {
                at = expected;
                discontinuity();
            }
        }
        started = true;
        refSsrc = rtp.ssrc();
        refTimestamp = rtp.timestamp();
        refPosition = at;
        return at;
    }

    private void discontinuity() {
        discontinuities++;
        detector.finish();
    }

    /** The stream position of an RFC 4733 event timestamp (extended; its low 32 bits are the RTP field). */
    private long eventPosition(long timestamp) {
        if (!started || eventSsrc != refSsrc) {
            return expected;
        }
        return refPosition + (int) ((timestamp & 0xffffffffL) - refTimestamp);
    }

    /** One source's current or last press. */
    private static final class Press {
        final MaskedDigit.Source source;
        boolean any;
        char key;
        long start;
        long end;
        boolean reported;
        DelayLine.Span span;

        Press(MaskedDigit.Source source) {
            this.source = source;
        }

        /** True if this press is of {@code key} and overlaps {@code position}, give or take SAME_PRESS. */
        boolean covers(char key, long position) {
            return any && this.key == key && start <= position + SAME_PRESS
                    && (end == DigitEvent.ONGOING || end >= position - SAME_PRESS);
        }
    }

    /** Receives one source's events: positions are already stream positions (in-band) or timestamps. */
    private final class Reporter implements DigitListener {
        private final Press press;
        private final boolean inBandSource;

        Reporter(Press press, boolean inBandSource) {
            this.press = press;
            this.inBandSource = inBandSource;
        }

        @Override
        public void digitStarted(DigitEvent event) {
            long start = inBandSource ? event.startSample() : eventPosition(event.startSample());
            Press other = inBandSource ? events : inBand;
            press.any = true;
            press.key = event.digit();
            press.start = start;
            press.end = DigitEvent.ONGOING;
            press.span = line.open(start - guard);
            press.reported = !other.covers(press.key, start);
            if (!press.reported) {
                duplicateDigits++;
                return;
            }
            if (inBandSource) {
                inBandDigits++;
            } else {
                eventDigits++;
            }
            notify(true, new MaskedDigit(leg, press.source, press.key, start, DigitEvent.ONGOING));
        }

        @Override
        public void digitEnded(DigitEvent event) {
            long end = inBandSource ? event.endSample() : eventPosition(event.endSample());
            end = Math.max(end, press.start);
            press.end = end;
            line.close(press.span, end + guard);
            if (press.reported) {
                notify(false, new MaskedDigit(leg, press.source, press.key, press.start, end));
            }
        }

        private void notify(boolean started, MaskedDigit digit) {
            try {
                if (started) {
                    listener.digitStarted(digit);
                } else {
                    listener.digitEnded(digit);
                }
            } catch (RuntimeException e) {
                listenerFailures++;
                // The exception's message is the listener's and might quote the key: log its type only.
                LOG.warn("DTMF masker listener of leg {} threw {} on a {} key; masking goes on", leg,
                        e.getClass().getName(), digit.source());
            }
        }
    }
}
