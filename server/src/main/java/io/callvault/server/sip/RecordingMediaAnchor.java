package io.callvault.server.sip;

import io.callvault.media.announce.Announcement;
import io.callvault.media.announce.AnnouncementEvidence;
import io.callvault.media.announce.AnnouncementListener;
import io.callvault.media.announce.OptOut;
import io.callvault.media.announce.PacingStream;
import io.callvault.media.announce.TimeBase;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.record.StereoRecorder;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.MediaRelay;
import io.callvault.media.relay.RelayChain;
import io.callvault.media.relay.RelaySession;
import io.callvault.media.relay.RelayStage;
import io.callvault.policy.Decision;
import io.callvault.policy.Legs;
import io.callvault.sdp.SessionDescription;
import io.callvault.sip.b2bua.MediaAnchor;
import io.callvault.sip.b2bua.Side;
import io.callvault.vault.Vault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors each call's media in the {@link MediaRelay} and records it as the policy decides. Per call:
 * the {@link CallPolicy} decides when the call is set up; at answer, if the call is recorded and
 * announced, the {@link Announcement} plays the prompt to the legs the decision names (everyone else hears
 * silence) and recording starts only when the whole prompt has been played; a party pressing the opt-out
 * key during the prompt (or its grace period) leaves the call unrecorded. Recording goes through a
 * {@link StereoRecorder} into the vault (caller left, callee right), guarded against card data (see
 * {@link GuardedRecording}).
 *
 * <p>The relay chain is fixed per call: the announcement stage first, so the recording tap after it never
 * sees audio from before consent. The recorder is fed on the relay's event loop; vault I/O (starting,
 * encrypting, sealing) happens on virtual threads so a slow disk never delays packets.
 */
public final class RecordingMediaAnchor implements MediaAnchor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMediaAnchor.class);
    /** How long after the prompt ends the opt-out key still counts. */
    static final Duration OPT_OUT_GRACE = Duration.ofSeconds(3);

    private final MediaRelay relay;
    private final Vault vault;
    private final InstantSource clock;
    private final CallPolicy policy;
    private final io.callvault.core.time.Scheduler scheduler;
    private final io.callvault.server.config.ServerConfig.Pci pci;
    private final LiveCalls live;
    /** Recording of each call that has one, by call label, until the call record takes it. */
    private final Map<String, io.callvault.core.RecordingId> recordings =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param scheduler paces the early announcement of inbound calls; its clock is the anchor's clock */
    public RecordingMediaAnchor(MediaRelay relay, Vault vault, io.callvault.core.time.Scheduler scheduler,
                                CallPolicy policy, io.callvault.server.config.ServerConfig.Pci pci, LiveCalls live) {
        this.pci = pci;
        this.live = live;
        this.relay = relay;
        this.vault = vault;
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.policy = policy;
    }

    /** Alerts raised on the call with this label (a pause that lasted too long), until the call record takes them. */
    private final Map<String, java.util.List<String>> alerts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The alerts of the call with this label; forgotten after this call. */
    public java.util.List<String> takeAlerts(String label) {
        java.util.List<String> a = alerts.remove(label);
        return a == null ? java.util.List.of() : a;
    }

    /** The recording made for the call with this label, if any; forgotten after this call. */
    public Optional<io.callvault.core.RecordingId> takeRecording(String label) {
        return Optional.ofNullable(recordings.remove(label));
    }

    @Override
    public MediaSession open(Participants participants) throws IOException {
        Session s = new Session(participants);
        try {
            s.relay = relay.openSession(participants.label(), RelayChain.of(
                    new RelayStage.Rewrite("announcement", s::announce),
                    new RelayStage.Rewrite("feature-codes", s.keys::featureCodeEvents),
                    new RelayStage.Rewrite("dtmf-mask", s.keys::maskTowardAgent),
                    new RelayStage.Observe("recording-tap", s::onRtp)));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return s;
    }

    /**
     * One stretch of a call between the same parties, with its own decision: the whole call, or for a
     * transferred call each part from one transfer to the next (numbered from 0).
     */
    private record Part(Participants participants, CallConsent consent, int number) {
    }

    private final class Session implements MediaSession, LiveCalls.Handle {
        private final String label;
        /** The current part; replaced (under {@link #lock}) when a transfer brings in a new party. */
        private volatile Part part;
        private volatile RelaySession relay;
        private volatile Announcement announcement;
        /** Guards the recording and the flags: fed on the relay thread, changed from SIP and recorder threads. */
        private final Object lock = new Object();
        /** The recording of the current part while one is being made; null otherwise. Set under {@link #lock}. */
        private volatile GuardedRecording recording;
        /** Feature codes and key masking toward the other party. */
        private final AgentKeys keys;
        private Instant answeredAt;
        private SessionDescription callerSdp;
        private SessionDescription calleeSdp;
        private boolean answered;
        private boolean closed;
        private boolean optedOut;
        /** Which leg pressed the opt-out key, while {@link #optedOut}. */
        private Leg optedOutBy;
        /** The legs whose party heard a whole announcement (early or at answer); a transfer forgets the replaced one. */
        private final Set<Leg> heard = EnumSet.noneOf(Leg.class);
        private volatile PacingStream pacing;
        private Thread starter;
        private final TimeBase time = TimeBase.system(clock);

        Session(Participants participants) {
            this.label = participants.label();
            this.keys = new AgentKeys(label, pci, scheduler::nanoTime, new AgentKeys.Call() {
                @Override
                public Participants participants() {
                    return Session.this.participants();
                }

                @Override
                public SessionDescription sdp(Leg leg) {
                    synchronized (lock) {
                        return leg == Leg.A ? callerSdp : calleeSdp;
                    }
                }

                @Override
                public GuardedRecording recording() {
                    return recording;
                }

                @Override
                public void pause(String trigger, String reason, String by) {
                    Session.this.pause(trigger, reason, by);
                }

                @Override
                public void resume(String by) {
                    Session.this.resume(by);
                }
            });
            this.part = new Part(participants, new CallConsent(policy, participants.callId(),
                    policy.decide(participants, null), clock.instant(), null), 0);
        }

        private Participants participants() {
            return part.participants();
        }

        private CallConsent consent() {
            return part.consent();
        }

        @Override
        public InetSocketAddress local(Side side) {
            return relay.localRtp(leg(side));
        }

        @Override
        public void remote(Side side, SessionDescription sdp, int audioIndex) {
            if (audioIndex < 0) {
                return;
            }
            var media = sdp.media().get(audioIndex);
            String address = sdp.connection(audioIndex).address();
            try {
                InetAddress ip = InetAddress.getByName(address);
                int rtcp = media.rtcp().map(r -> r.port()).orElse(media.port() + 1);
                relay.setRemote(leg(side), new InetSocketAddress(ip, media.port()), new InetSocketAddress(ip, rtcp));
            } catch (IOException e) {
                LOG.warn("{}: unusable media address '{}' from {}: {}", label, address, side, e.getMessage());
            }
            Announcement a = announcement;
            if (a != null) {
                a.updatePayloadMap(leg(side), PayloadMap.fromSdp(media));
            }
            keys.updatePayloadMap(leg(side), PayloadMap.fromSdp(media));
            synchronized (lock) {
                if (recording != null) {
                    recording.updatePayloadMap(side, PayloadMap.fromSdp(media));
                }
            }
        }

        /**
         * Inbound calls whose caller must hear the announcement: play it as early media, paced by a stream
         * of our own (there is no callee yet), and let the B2BUA ring the callee when it has been heard.
         */
        @Override
        public boolean playBeforeRinging(SessionDescription offer, int audioIndex, Runnable proceed) {
            Decision decision = consent().decision();
            if (participants().direction() != io.callvault.core.Direction.IN || !decision.record()
                    || !decision.announceTo().includesCaller() || audioIndex < 0) {
                return false;
            }
            var media = offer.media().get(audioIndex);
            int pt = media.payloadTypes().contains(0) ? 0 : media.payloadTypes().contains(8) ? 8 : -1;
            if (pt < 0) {
                return false; // no G.711 to carry the prompt early: it is played at answer instead
            }
            Announcement a = new Announcement(policy.prompt(decision), Set.of(Leg.A), optOut(decision),
                    Map.of(Leg.A, PayloadMap.fromSdp(media), Leg.B, PayloadMap.STATIC), time,
                    new EarlyListener(new PartListener(part), proceed));
            announcement = a;
            a.start();
            pacing = PacingStream.start(relay, Leg.B, pt, scheduler);
            return true;
        }

        @Override
        public void answered(Instant at, SessionDescription callerSdp, SessionDescription calleeSdp) {
            String pref = recordPref(callerSdp).or(() -> recordPref(calleeSdp)).orElse(null);
            if (pref != null) {
                consent().redecided(policy.decide(participants(), pref));
            }
            Decision decision = consent().decision();
            boolean declined;
            synchronized (lock) {
                this.callerSdp = callerSdp;
                this.calleeSdp = calleeSdp;
                answered = true;
                answeredAt = at;
                declined = optedOut;
            }
            Set<Leg> alreadyHeard = heardNow();
            keys.startMasking(decision, callerSdp, calleeSdp);
            if (declined) {
                return; // a party declined during the early announcement; the outcome says so
            }
            if (!decision.record()) {
                consent().outcome("not_recorded_by_rule");
                LOG.info("{}: not recorded, as the policy decided", label);
                return;
            }
            Set<Leg> legs = legs(decision.announceTo());
            legs.removeAll(alreadyHeard);
            if (legs.isEmpty()) {
                startRecording(at, part);
                return;
            }
            playAnnouncement(decision, legs, part, callerSdp, calleeSdp);
        }

        /**
         * A transfer put a new party on {@code side}: the part so far ends (its recording sealed, its record
         * finished with a pointer to the next), and a new part starts with a fresh decision for the new set
         * of parties. The newcomer hears the announcement where that decision requires it; parties who heard
         * it already are not made to hear it again, and recording of the new part starts once everyone the
         * decision names has heard it. A remaining party who declined recording stays unrecorded.
         */
        @Override
        public void transferred(Side side, Participants now, SessionDescription sdp, int audioIndex, Instant at) {
            Leg replaced = leg(side);
            Announcement playing = announcement;
            announcement = null;
            if (playing != null) {
                playing.cancel(); // reports interrupted to its part if still playing: that part recorded nothing
            }
            remote(side, sdp, audioIndex);
            Part before;
            Part after;
            VaultFrameSink sealed;
            Thread starting;
            boolean stillDeclined;
            Set<Leg> alreadyHeard;
            SessionDescription callerNow;
            SessionDescription calleeNow;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                if (side == Side.CALLER) {
                    callerSdp = sdp;
                } else {
                    calleeSdp = sdp;
                }
                callerNow = callerSdp;
                calleeNow = calleeSdp;
                starting = starter;
                starter = null;
                sealed = stopRecorder();
                heard.remove(replaced);
                if (optedOut && optedOutBy == replaced) {
                    optedOut = false; // whoever declined has left; the others did not
                    optedOutBy = null;
                }
                stillDeclined = optedOut;
                alreadyHeard = heard.isEmpty() ? EnumSet.noneOf(Leg.class) : EnumSet.copyOf(heard);
                before = part;
                int number = before.number() + 1;
                String pref = recordPref(callerNow).or(() -> recordPref(calleeNow)).orElse(null);
                after = new Part(now, new CallConsent(policy, now.callId() + ";transfer=" + number,
                        policy.decide(now, pref), at, before.consent().key()), number);
                part = after;
            }
            before.consent().transferred(at, side == Side.CALLER ? "caller" : "callee", after.consent().key());
            Thread.ofVirtual().name("rec-seal-" + label).start(() -> {
                joinQuietly(starting); // a recording still starting for the old part is discarded by its starter
                if (sealed != null) {
                    sealed.seal();
                }
                before.consent().finish();
            });
            LOG.info("{}: transferred; the {} is now {}; deciding again", label,
                    side == Side.CALLER ? "caller" : "callee", side == Side.CALLER ? now.caller() : now.callee());
            Decision decision = after.consent().decision();
            keys.startMasking(decision, callerNow, calleeNow);
            if (stillDeclined) {
                after.consent().outcome("opted_out");
                return;
            }
            if (!decision.record()) {
                after.consent().outcome("not_recorded_by_rule");
                return;
            }
            Set<Leg> legs = legs(decision.announceTo());
            legs.removeAll(alreadyHeard);
            if (legs.isEmpty()) {
                synchronized (lock) {
                    starter = Thread.ofVirtual().name("rec-start-" + label).start(() -> startRecording(at, after));
                }
                return;
            }
            playAnnouncement(decision, legs, after, callerNow, calleeNow);
        }

        private Set<Leg> heardNow() {
            synchronized (lock) {
                return heard.isEmpty() ? EnumSet.noneOf(Leg.class) : EnumSet.copyOf(heard);
            }
        }

        /** Plays the decision's prompt to {@code legs}; recording of {@code of} starts when they have heard it. */
        private void playAnnouncement(Decision decision, Set<Leg> legs, Part of, SessionDescription callerSdp,
                              SessionDescription calleeSdp) {
            Announcement a = new Announcement(policy.prompt(decision), legs, optOut(decision),
                    Map.of(Leg.A, payloads(callerSdp), Leg.B, payloads(calleeSdp)), time, new PartListener(of));
            announcement = a;
            a.start();
        }

        @Override
        public boolean keyPressed(Side side, char key) {
            Announcement a = announcement;
            if (a != null) {
                a.keyPressed(leg(side), key);
            }
            GuardedRecording r = recording;
            if (r != null) {
                r.outOfBand(side, key);
            }
            return keys.agentKey(leg(side), key);
        }

        /** The early announcement's outcome: either way the callee is rung next, off the media thread. */
        private final class EarlyListener implements AnnouncementListener {
            private final PartListener part;
            private final Runnable proceed;

            EarlyListener(PartListener part, Runnable proceed) {
                this.part = part;
                this.proceed = proceed;
            }

            @Override
            public void completed(AnnouncementEvidence evidence) {
                part.of.consent().announcementEnded(evidence);
                synchronized (lock) {
                    heard.add(Leg.A);
                }
                ringNow();
            }

            @Override
            public void optedOut(Leg leg, AnnouncementEvidence evidence) {
                part.optedOut(leg, evidence);
                ringNow();
            }

            @Override
            public void interrupted(AnnouncementEvidence evidence) {
                part.interrupted(evidence);
            }

            private void ringNow() {
                stopPacing();
                Thread.ofVirtual().name("ring-" + label).start(proceed);
            }
        }

        private void stopPacing() {
            PacingStream p = pacing;
            if (p != null) {
                p.close();
            }
        }

        /**
         * The outcome of an announcement played at answer or after a transfer, for the part it was played in
         * (completed and optedOut on the relay thread, interrupted on a SIP thread). The evidence always goes
         * to that part's record; a part a transfer has ended starts no recording.
         */
        private final class PartListener implements AnnouncementListener {
            private final Part of;

            PartListener(Part of) {
                this.of = of;
            }

            @Override
            public void completed(AnnouncementEvidence evidence) {
                of.consent().announcementEnded(evidence);
                synchronized (lock) {
                    if (closed || optedOut || part != of) {
                        return;
                    }
                    heard.addAll(evidence.legs());
                    starter = Thread.ofVirtual().name("rec-start-" + label)
                            .start(() -> startRecording(evidence.endedAt(), of));
                }
            }

            @Override
            public void optedOut(Leg leg, AnnouncementEvidence evidence) {
                of.consent().announcementEnded(evidence);
                of.consent().outcome("opted_out");
                VaultFrameSink started;
                synchronized (lock) {
                    if (part != of) {
                        return;
                    }
                    optedOut = true;
                    optedOutBy = leg;
                    started = stopRecorder();
                }
                LOG.info("{}: the {} declined recording (opt-out key); the call continues unrecorded", label,
                        leg == Leg.A ? "caller" : "callee");
                if (started != null) {
                    Thread.ofVirtual().name("rec-discard-" + label).start(() -> discard(started, of));
                }
            }

            @Override
            public void interrupted(AnnouncementEvidence evidence) {
                of.consent().announcementEnded(evidence);
                if (of.consent().outcome().equals("pending")) {
                    of.consent().outcome("announcement_interrupted");
                }
            }
        }

        /** Starts the vault recording of part {@code of} (blocking I/O: never on the relay thread). */
        private void startRecording(Instant at, Part of) {
            VaultFrameSink s;
            try {
                s = VaultFrameSink.start(vault, of.participants(), at);
            } catch (Exception e) {
                of.consent().outcome("recording_failed");
                LOG.error("{}: recording could not start, the call continues unrecorded: {}", label, e.getMessage());
                return;
            }
            boolean keep;
            synchronized (lock) {
                keep = !closed && !optedOut && part == of;
                if (keep) {
                    recording = new GuardedRecording(s, at, payloads(callerSdp), payloads(calleeSdp), pci);
                }
            }
            if (!keep) {
                discard(s, of);
                return;
            }
            synchronized (lock) {
                GuardedRecording r = recording;
                if (r != null && r.sink() == s) {
                    r.onInBandKey((channel, key) -> keys.agentKey(channel == 0 ? Leg.A : Leg.B, key));
                    r.alertOnLongPause(pci.maxPause(), () -> {
                        String alert = "recording paused for more than " + pci.maxPause().toSeconds() + " s";
                        alerts.computeIfAbsent(label, l -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(alert);
                        LOG.warn("{}: ALERT: {}; resume it (or end the call) when the payment is done", label, alert);
                    });
                    if (pci.paymentNumbers().contains(VaultFrameSink.number(of.participants().callee()).toString())) {
                        r.pause("payment-route", "call to a payment number", "auto");
                    }
                }
            }
            live.add(this);
            recordings.putIfAbsent(label, s.recordingId()); // a transferred call's record links its first recording
            of.consent().outcome("recorded");
            of.consent().recordingStarted(s.recordingId());
        }

        private void discard(VaultFrameSink s, Part of) {
            recordings.remove(label, s.recordingId());
            of.consent().recordingDropped();
            s.discard("not kept: " + (optedOut ? "a party declined recording"
                    : part != of ? "the call was transferred before recording started"
                    : "the call ended before recording"));
        }

        /** Stops feeding the recorder and flushes the guard's delay line; returns the sink, or null. Under the lock. */
        private VaultFrameSink stopRecorder() {
            GuardedRecording r = recording;
            recording = null;
            live.remove(this);
            return r == null ? null : r.finish(time.toInstant(time.now()));
        }

        // --- LiveCalls.Handle: pause and resume from the API, feature codes and card detection ---

        @Override
        public String label() {
            return label;
        }

        @Override
        public String sipCallId() {
            return participants().callId();
        }

        @Override
        public String caller() {
            return participants().caller();
        }

        @Override
        public String callee() {
            return participants().callee();
        }

        @Override
        public String agent() {
            return keys.agent();
        }

        @Override
        public Instant answeredAt() {
            Instant a = answeredAt;
            return a == null ? Instant.EPOCH : a;
        }

        @Override
        public boolean recording() {
            return recording != null;
        }

        @Override
        public boolean paused() {
            synchronized (lock) {
                return recording != null && recording.isPaused();
            }
        }

        @Override
        public boolean pause(String trigger, String reason, String by) {
            synchronized (lock) {
                if (recording == null || recording.isPaused()) {
                    return false;
                }
                recording.pause(trigger, reason, by);
            }
            LOG.info("{}: recording paused ({}, by {})", label, trigger, by);
            return true;
        }

        @Override
        public boolean resume(String by) {
            synchronized (lock) {
                if (recording == null || !recording.isPaused()) {
                    return false;
                }
                recording.resume(by);
            }
            LOG.info("{}: recording resumed (by {})", label, by);
            return true;
        }

        boolean announce(Leg leg, ByteBuffer packet, long arrivalNanos) {
            Announcement a = announcement;
            return a == null || a.stage().rewriter().rewrite(leg, packet, arrivalNanos);
        }

        void onRtp(Leg leg, ByteBuffer packet, long arrivalNanos) {
            synchronized (lock) {
                GuardedRecording r = recording;
                if (r != null) { // a masker reports its leg's keys itself
                    r.receive(leg == Leg.A ? Side.CALLER : Side.CALLEE, packet, time.toInstant(arrivalNanos),
                            !keys.masked(leg));
                }
            }
        }

        @Override
        public void close() {
            try {
                stopPacing();
                relay.close();
                keys.finish();
            } finally {
                Announcement a = announcement;
                if (a != null) {
                    a.cancel(); // reports interrupted if the prompt was still playing
                }
                Thread pending;
                synchronized (lock) {
                    closed = true;
                    pending = starter;
                }
                joinQuietly(pending);
                VaultFrameSink s;
                synchronized (lock) {
                    s = stopRecorder();
                    if (!answered) {
                        consent().outcome("not_answered");
                    }
                }
                if (s != null) {
                    s.seal();
                }
                consent().finish();
            }
        }

        /** Waits (bounded) for a recording that is still starting, so that it is either kept or discarded. */
        private void joinQuietly(Thread starting) {
            if (starting != null) {
                try {
                    starting.join(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

    }

    /** The payload types of {@code sdp}'s first active audio section; the static ones when there is none. */
    static PayloadMap payloads(SessionDescription sdp) {
        if (sdp != null) {
            for (var m : sdp.media()) {
                if (m.media().equals("audio") && m.port() != 0) {
                    return PayloadMap.fromSdp(m);
                }
            }
        }
        return PayloadMap.STATIC;
    }

    /** A softphone's recording preference (RFC 7866 §6 {@code a=recordpref}), at session or audio level. */
    static Optional<String> recordPref(SessionDescription sdp) {
        if (sdp == null) {
            return Optional.empty();
        }
        for (var a : sdp.attributes()) {
            if (a.name().equalsIgnoreCase("recordpref")) {
                return Optional.ofNullable(a.value());
            }
        }
        for (var m : sdp.media()) {
            if (m.isAudio()) {
                for (var a : m.attributes("recordpref")) {
                    return Optional.ofNullable(a.value());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<OptOut> optOut(Decision decision) {
        return decision.consent().optOutKey().map(key -> new OptOut(key.charAt(0), OPT_OUT_GRACE));
    }

    private static Set<Leg> legs(Legs legs) {
        Set<Leg> out = EnumSet.noneOf(Leg.class);
        if (legs.includesCaller()) {
            out.add(Leg.A);
        }
        if (legs.includesCallee()) {
            out.add(Leg.B);
        }
        return out;
    }

    private static Leg leg(Side side) {
        return side == Side.CALLER ? Leg.A : Leg.B;
    }
}
