package io.callvault.media.announce;

import io.callvault.media.codec.G711;
import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.RelayStage;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.TelephoneEvent;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording notice of one call, played by rewriting the RTP the relay forwards, and the opt-out key
 * heard while it plays. Put {@link #stage()} in the session's chain before the recording tap, so the tap
 * never sees audio from before the notice ended; call {@link #start()} when the call is answered and
 * {@link #cancel()} when it ends.
 *
 * <p>What the stage does with each RTP packet, by {@link Phase}:
 * <ul>
 *   <li>{@code READY}: passes it unchanged (early media such as ringback is not the conversation).</li>
 *   <li>{@code PLAYING}: a G.711 packet toward an announced leg (one that arrived on the other leg) gets the
 *       next prompt samples as its payload, one sample per payload byte, encoded as its payload type says;
 *       once that leg has had the whole prompt, silence. A G.711 packet toward a leg that is not announced
 *       to gets silence. Headers (sequence, timestamp, SSRC, marker) are kept, so the stream stays the
 *       sender's. Every other packet (telephone-event, comfort noise, unknown types, invalid RTP) is
 *       dropped: nobody hears the other party before the notice has finished.</li>
 *   <li>{@code OPT_OUT_WINDOW}: passes it unchanged, watching for the opt-out key.</li>
 *   <li>{@code FINISHED}: passes it unchanged, without looking.</li>
 * </ul>
 * Payload types are read with the {@link PayloadMap} of the leg the packet arrived on (what its sender
 * negotiated); {@link PayloadMap#STATIC} maps 0 to PCMU and 8 to PCMA.
 *
 * <p>Opt-out: the first RFC 4733 telephone-event packet for the {@link OptOut#key()} arriving from an
 * announced leg while playing, or no later than {@link OptOut#grace()} after the prompt ended, opts that
 * party out; the repeats and end packets of the same press (and any later press) change nothing. An opt-out
 * while playing stops playback for every leg, so the call goes on at once; the listener is told before the
 * session's next packet is handled. Other keys, and keys from a leg that is not announced to, are ignored.
 *
 * <p>Time: packets carry the relay's arrival stamp; {@link #start()} and {@link #cancel()} read
 * {@link TimeBase#nanos()}, which must be that same clock. The grace period ends with the first packet or
 * {@link #phase()} call after it; nothing is scheduled.
 *
 * <p>Threading: the stage runs on the relay's event-loop thread; every other method may be called from any
 * thread. State is guarded by one lock, which is never held while the listener runs. Before start and
 * after the end the stage takes no lock.
 */
public final class Announcement {
    private static final Logger LOG = LoggerFactory.getLogger(Announcement.class);

    /** Where an announcement is; see the class comment for what the stage does in each. */
    public enum Phase {
        /** Not started. */
        READY,
        /** Playing the prompt. */
        PLAYING,
        /** The prompt has been played to every announced leg; the opt-out key still counts. */
        OPT_OUT_WINDOW,
        /** Completed and past the grace period, opted out, or cancelled. */
        FINISHED
    }

    private enum EndKind { COMPLETED, INTERRUPTED, OPTED_OUT }

    /** A listener call to make once the lock is released. */
    private record Ending(EndKind kind, Leg leg, AnnouncementEvidence evidence) {
    }

    private final Prompt prompt;
    private final Set<Leg> legs;
    private final OptOut optOut;
    private final long graceNanos;
    private final TimeBase time;
    private final AnnouncementListener listener;
    private final RelayStage.Rewrite stage;
    private final boolean[] announced = new boolean[Leg.values().length];

    private final Object lock = new Object();
    /** Written under the lock; read without it to let packets through before start and after the end. */
    private volatile Phase phase = Phase.READY;
    private final PayloadMap[] payloads = new PayloadMap[Leg.values().length];
    private final int[] played = new int[Leg.values().length];
    private boolean started;
    private long startedNanos;
    private boolean ended;
    private long endedNanos;
    private Leg optOutLeg;
    private long optOutNanos;
    private long replaced;
    private long silenced;
    private long dropped;

    /**
     * @param prompt   what to play
     * @param legs     the legs whose parties must hear it; empty for none
     * @param optOut   the key that refuses recording, if one is offered
     * @param payloads what each leg's payload types carry, for both legs; see {@link #updatePayloadMap}
     * @param time     the relay's clock and its wall time, for evidence
     * @param listener told how the announcement ends
     */
    public Announcement(Prompt prompt, Set<Leg> legs, Optional<OptOut> optOut, Map<Leg, PayloadMap> payloads,
            TimeBase time, AnnouncementListener listener) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.legs = Set.copyOf(legs);
        this.optOut = optOut.orElse(null);
        this.graceNanos = this.optOut == null ? 0 : this.optOut.grace().toNanos();
        this.time = Objects.requireNonNull(time, "time");
        this.listener = Objects.requireNonNull(listener, "listener");
        for (Leg leg : Leg.values()) {
            announced[leg.ordinal()] = this.legs.contains(leg);
            this.payloads[leg.ordinal()] = Objects.requireNonNull(payloads.get(leg), "payload map of leg " + leg);
        }
        this.stage = new RelayStage.Rewrite("announcement", this::rewrite);
    }

    /**
     * An announcement with nothing to play: its stage passes every packet, and {@link #start()} reports
     * {@code completed} at once (no legs, {@link Prompt#EMPTY}), so a caller that starts recording on
     * completion needs no second path for calls without a notice.
     */
    public static Announcement alreadyComplete(TimeBase time, AnnouncementListener listener) {
        return new Announcement(Prompt.EMPTY, Set.of(), Optional.empty(),
                Map.of(Leg.A, PayloadMap.STATIC, Leg.B, PayloadMap.STATIC), time, listener);
    }

    /** The chain stage, named "announcement"; the same instance every time. Place it before the tap. */
    public RelayStage.Rewrite stage() {
        return stage;
    }

    /**
     * Starts playback; the next packets toward the announced legs carry the prompt. Completes at once when
     * there is nothing to play (the listener runs on this thread then). Only the first call counts, and
     * none after {@link #cancel()}.
     */
    public void start() {
        Ending ending = null;
        synchronized (lock) {
            if (phase != Phase.READY) {
                return;
            }
            started = true;
            startedNanos = time.now();
            phase = Phase.PLAYING;
            if (allPlayed()) {
                ending = complete(startedNanos);
            }
        }
        notifyListener(ending);
    }

    /**
     * Ends the announcement, typically at hangup. While playing, the listener hears {@code interrupted}
     * with what had been played, on this thread; otherwise nothing is reported (before start there is no
     * evidence, afterwards the end was already reported). Idempotent; packets pass unchanged afterwards.
     */
    public void cancel() {
        Ending ending = null;
        synchronized (lock) {
            Phase was = phase;
            phase = Phase.FINISHED;
            if (was == Phase.PLAYING) {
                end(time.now());
                ending = new Ending(EndKind.INTERRUPTED, null, snapshot());
            }
        }
        notifyListener(ending);
    }

    /**
     * A key pressed on {@code from} that arrived outside the media (SIP INFO, RFC 2976 with
     * application/dtmf-relay): counts as an opt-out exactly like an RFC 4733 event would — from an announced
     * leg, the opt-out key, during playback or the grace period. Any thread; the listener runs on it.
     */
    public void keyPressed(Leg from, char key) {
        Ending ending = null;
        synchronized (lock) {
            long nanos = time.now();
            expireWindow(nanos);
            if ((phase == Phase.PLAYING || phase == Phase.OPT_OUT_WINDOW) && optOut != null
                    && announced[from.ordinal()] && Character.toUpperCase(key) == optOut.key()) {
                ending = optOut(from, nanos);
            }
        }
        notifyListener(ending);
    }

    /** Replaces what {@code leg}'s payload types carry, after a re-INVITE; any thread. */
    public void updatePayloadMap(Leg leg, PayloadMap map) {
        Objects.requireNonNull(map, "map");
        synchronized (lock) {
            payloads[leg.ordinal()] = map;
        }
    }

    public Phase phase() {
        synchronized (lock) {
            expireWindow(time.now());
            return phase;
        }
    }

    /** What has been played so far; empty before {@link #start()}. */
    public Optional<AnnouncementEvidence> evidence() {
        synchronized (lock) {
            return started ? Optional.of(snapshot()) : Optional.empty();
        }
    }

    public AnnouncementStats stats() {
        synchronized (lock) {
            return new AnnouncementStats(replaced, silenced, dropped);
        }
    }

    public Prompt prompt() {
        return prompt;
    }

    public Set<Leg> legs() {
        return legs;
    }

    public Optional<OptOut> optOut() {
        return Optional.ofNullable(optOut);
    }

    /** The stage: {@code from} is the leg the packet arrived on; it goes on toward the other leg. */
    private boolean rewrite(Leg from, ByteBuffer packet, long nanos) {
        Phase seen = phase;
        if (seen == Phase.READY || seen == Phase.FINISHED) {
            return true;
        }
        Ending ending;
        boolean pass;
        synchronized (lock) {
            if (nanos - startedNanos < 0) {
                nanos = startedNanos; // stamped just before start() ran on another thread
            }
            expireWindow(nanos);
            if (phase == Phase.READY || phase == Phase.FINISHED) {
                return true;
            }
            RtpPacket rtp = RtpPacket.check(packet).isValid() ? RtpPacket.wrap(packet) : null;
            if (rtp == null) {
                return passOrDrop(phase != Phase.PLAYING);
            }
            G711 codec = codecOf(from, rtp.payloadType());
            if (codec == null && isOptOutPress(from, rtp)) {
                pass = passOrDrop(phase != Phase.PLAYING);
                ending = optOut(from, nanos);
            } else if (phase == Phase.OPT_OUT_WINDOW) {
                return true;
            } else {
                pass = codec == null ? passOrDrop(false) : play(from.other(), codec, rtp.payload());
                ending = allPlayed() ? complete(nanos) : null;
            }
        }
        notifyListener(ending);
        return pass;
    }

    /** Fills {@code payload} (a G.711 payload toward {@code to}) with the prompt's next samples or silence. */
    private boolean play(Leg to, G711 codec, ByteBuffer payload) {
        int n = payload.remaining();
        int t = to.ordinal();
        int k = announced[t] ? Math.min(n, prompt.sampleCount() - played[t]) : 0;
        if (k > 0) {
            payload.put(0, prompt.encoded(codec), played[t], k);
            played[t] += k;
            replaced++;
        } else {
            silenced++;
        }
        byte silence = codec.encode(0);
        for (int i = k; i < n; i++) {
            payload.put(i, silence);
        }
        return true;
    }

    private G711 codecOf(Leg from, int payloadType) {
        return switch (payloads[from.ordinal()].kindOf(payloadType)) {
            case PCMU -> G711.ULAW;
            case PCMA -> G711.ALAW;
            default -> null;
        };
    }

    /** A telephone-event packet from an announced leg naming the opt-out key, in any of its 4-byte blocks. */
    private boolean isOptOutPress(Leg from, RtpPacket rtp) {
        if (optOut == null || !announced[from.ordinal()]) {
            return false;
        }
        if (payloads[from.ordinal()].kindOf(rtp.payloadType()) != PayloadKind.TELEPHONE_EVENT) {
            return false;
        }
        ByteBuffer payload = rtp.payload();
        for (int at = 0; at + TelephoneEvent.LENGTH <= payload.limit(); at += TelephoneEvent.LENGTH) {
            if ((payload.get(at) & 0xff) == optOut.event()) {
                return true;
            }
        }
        return false;
    }

    private boolean passOrDrop(boolean pass) {
        if (!pass) {
            dropped++;
        }
        return pass;
    }

    private boolean allPlayed() {
        for (Leg leg : legs) {
            if (played[leg.ordinal()] < prompt.sampleCount()) {
                return false;
            }
        }
        return true;
    }

    private Ending complete(long nanos) {
        end(nanos);
        phase = optOut != null && graceNanos > 0 ? Phase.OPT_OUT_WINDOW : Phase.FINISHED;
        return new Ending(EndKind.COMPLETED, null, snapshot());
    }

    private Ending optOut(Leg leg, long nanos) {
        if (phase == Phase.PLAYING) {
            end(nanos);
        }
        phase = Phase.FINISHED;
        optOutLeg = leg;
        optOutNanos = nanos;
        return new Ending(EndKind.OPTED_OUT, leg, snapshot());
    }

    private void end(long nanos) {
        ended = true;
        endedNanos = nanos - startedNanos < 0 ? startedNanos : nanos;
    }

    private void expireWindow(long nanos) {
        if (phase == Phase.OPT_OUT_WINDOW && nanos - endedNanos > graceNanos) {
            phase = Phase.FINISHED;
        }
    }

    private AnnouncementEvidence snapshot() {
        Map<Leg, Integer> samples = new EnumMap<>(Leg.class);
        for (Leg leg : legs) {
            samples.put(leg, played[leg.ordinal()]);
        }
        return new AnnouncementEvidence(prompt.id(), prompt.sha256(), prompt.sampleCount(), legs,
                time.toInstant(startedNanos), ended ? time.toInstant(endedNanos) : null, samples, allPlayed(),
                optOutLeg, optOutLeg == null ? null : time.toInstant(optOutNanos));
    }

    private void notifyListener(Ending ending) {
        if (ending == null) {
            return;
        }
        try {
            switch (ending.kind()) {
                case COMPLETED -> listener.completed(ending.evidence());
                case INTERRUPTED -> listener.interrupted(ending.evidence());
                case OPTED_OUT -> listener.optedOut(ending.leg(), ending.evidence());
            }
        } catch (RuntimeException e) {
            LOG.warn("announcement listener failed on {} of prompt {}", ending.kind(), prompt.id(), e);
        }
    }
}
