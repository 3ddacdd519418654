package io.callvault.server.sip;

import io.callvault.media.announce.Announcement;
import io.callvault.media.announce.AnnouncementEvidence;
import io.callvault.media.announce.AnnouncementListener;
import io.callvault.media.announce.OptOut;
import io.callvault.media.announce.PacingStream;
import io.callvault.media.announce.TimeBase;
import io.callvault.media.record.FrameSink;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.record.RecorderSettings;
import io.callvault.media.record.StereoRecorder;
import io.callvault.media.dtmf.DtmfMasker;
import io.callvault.media.dtmf.MaskSettings;
import io.callvault.media.dtmf.MaskedDigit;
import io.callvault.media.dtmf.MaskedDigitListener;
import io.callvault.media.dtmf.Rfc4733Tracker;
import io.callvault.media.record.guard.DigitGuard;
import io.callvault.media.record.guard.GuardSegment;
import io.callvault.media.record.guard.RecordingGuard;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.MediaRelay;
import io.callvault.media.relay.RelayChain;
import io.callvault.media.relay.RelaySession;
import io.callvault.media.relay.RelayStage;
import io.callvault.media.rtp.RtpPacket;
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
 * {@link StereoRecorder} into the vault (caller left, callee right).
 *
 * <p>The relay chain is fixed per call: the announcement stage first, so the recording tap after it never
 * sees audio from before consent. The recorder is fed on the relay's event loop; vault I/O (starting,
 * encrypting, sealing) happens on virtual threads so a slow disk never delays packets.
 */
public final class RecordingMediaAnchor implements MediaAnchor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMediaAnchor.class);
    /** How long after the prompt ends the opt-out key still counts. */
    static final Duration OPT_OUT_GRACE = Duration.ofSeconds(3);
    /** A longer gap between two keys ends a digit run (card numbers are keyed in one go). */
    static final Duration CARD_INTER_DIGIT = Duration.ofSeconds(3);

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
                    new RelayStage.Rewrite("feature-codes", s::featureCodeEvents),
                    new RelayStage.Rewrite("dtmf-mask", s::maskTowardAgent),
                    new RelayStage.Observe("recording-tap", s::onRtp)));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return s;
    }

    private final class Session implements MediaSession, AnnouncementListener, LiveCalls.Handle {
        private final Participants participants;
        private final String label;
        private final CallConsent consent;
        private volatile RelaySession relay;
        private volatile Announcement announcement;
        /** Guards recorder, sink and the flags: fed on the relay thread, changed from SIP and recorder threads. */
        private final Object lock = new Object();
        private StereoRecorder recorder;
        private RecordingGuard guard;
        private DigitGuard digits;
        /** RFC 4733 key presses of the caller (0) and callee (1), for card detection and feature codes. */
        private Rfc4733Tracker[] events;
        /**
         * Per leg (A, B), the masker of the keys pressed there, in what the other party hears; null where
         * nothing is masked. Replaced as a whole at the answer.
         */
        private volatile DtmfMasker[] maskers = new DtmfMasker[2];
        private final FeatureCodes features = new FeatureCodes(pci.featurePause(), pci.featureResume(), scheduler::nanoTime);
        /** Per leg: the RTP timestamp of the last telephone-event press seen, and whether it was swallowed. */
        private final long[] eventTimestamp = {-1, -1};
        private final boolean[] eventSwallowed = new boolean[2];
        private VaultFrameSink sink;
        private Instant answeredAt;
        private SessionDescription callerSdp;
        private SessionDescription calleeSdp;
        private boolean answered;
        private boolean closed;
        private boolean optedOut;
        /** The caller heard the whole announcement before the callee was rung (inbound calls). */
        private volatile boolean callerHeardEarly;
        private volatile PacingStream pacing;
        private Thread starter;
        private final TimeBase time = TimeBase.system(clock);

        Session(Participants participants) {
            this.participants = participants;
            this.label = participants.label();
            this.consent = new CallConsent(policy, participants.callId(), policy.decide(participants, null),
                    clock.instant());
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
            DtmfMasker m = maskers[leg(side).ordinal()];
            if (m != null) {
                m.updatePayloadMap(PayloadMap.fromSdp(media));
            }
            synchronized (lock) {
                if (recorder != null) {
                    recorder.updatePayloadMap(recorderLeg(side), PayloadMap.fromSdp(media));
                }
                if (events != null) {
                    events[side == Side.CALLER ? 0 : 1].updatePayloadMap(PayloadMap.fromSdp(media));
                }
            }
        }

        /**
         * Inbound calls whose caller must hear the announcement: play it as early media, paced by a stream
         * of our own (there is no callee yet), and let the B2BUA ring the callee when it has been heard.
         */
        @Override
        public boolean playBeforeRinging(SessionDescription offer, int audioIndex, Runnable proceed) {
            Decision decision = consent.decision();
            if (participants.direction() != io.callvault.core.Direction.IN || !decision.record()
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
                    new EarlyListener(proceed));
            announcement = a;
            a.start();
            pacing = PacingStream.start(relay, Leg.B, pt, scheduler);
            return true;
        }

        @Override
        public void answered(Instant at, SessionDescription callerSdp, SessionDescription calleeSdp) {
            String pref = recordPref(callerSdp).or(() -> recordPref(calleeSdp)).orElse(null);
            if (pref != null) {
                consent.redecided(policy.decide(participants, pref));
            }
            Decision decision = consent.decision();
            boolean declined;
            synchronized (lock) {
                this.callerSdp = callerSdp;
                this.calleeSdp = calleeSdp;
                answered = true;
                answeredAt = at;
                declined = optedOut;
            }
            startMasking(decision, callerSdp, calleeSdp);
            if (declined) {
                return; // a party declined during the early announcement; the outcome says so
            }
            if (!decision.record()) {
                consent.outcome("not_recorded_by_rule");
                LOG.info("{}: not recorded, as the policy decided", label);
                return;
            }
            Set<Leg> legs = legs(decision.announceTo());
            if (callerHeardEarly) {
                legs.remove(Leg.A);
            }
            if (legs.isEmpty()) {
                startRecording(at);
                return;
            }
            Announcement a = new Announcement(policy.prompt(decision), legs, optOut(decision),
                    Map.of(Leg.A, payloads(callerSdp), Leg.B, payloads(calleeSdp)), time, this);
            announcement = a;
            a.start();
        }

        @Override
        public boolean keyPressed(Side side, char key) {
            Announcement a = announcement;
            if (a != null) {
                a.keyPressed(leg(side), key);
            }
            synchronized (lock) {
                if (digits != null) {
                    digits.outOfBand(side == Side.CALLER ? 0 : 1, key);
                }
            }
            return agentKey(leg(side), key);
        }

        /** The legs whose keys are an agent's (feature codes): the business's side of the call. */
        private boolean isAgent(Leg leg) {
            return switch (participants.direction()) {
                case IN -> leg == Leg.B;
                case OUT -> leg == Leg.A;
                default -> true;
            };
        }

        /** An agent's key, from any source: acts on a feature code; true if the key belongs to one. */
        private boolean agentKey(Leg leg, char key) {
            if (!isAgent(leg)) {
                return false;
            }
            FeatureCodes.Verdict v = features.key(key);
            switch (v.action()) {
                case PAUSE -> pause("feature-code", "the agent pressed the pause code", "agent " + agent());
                case RESUME -> resume("agent " + agent());
                case NONE -> {
                }
            }
            return v.swallow();
        }

        /** Stage: an agent's RFC 4733 presses that form a feature code go no further (nor to the other party). */
        boolean featureCodeEvents(Leg from, ByteBuffer packet, long nanos) {
            if (!features.enabled() || !isAgent(from) || RtpPacket.check(packet) != io.callvault.media.rtp.RtpCheck.VALID) {
                return true;
            }
            RtpPacket rtp = RtpPacket.wrap(packet);
            if (rtp.payloadType() < 96) {
                return true; // telephone-event is always a dynamic payload type
            }
            SessionDescription sdp = from == Leg.A ? callerSdpNow() : calleeSdpNow();
            if (payloads(sdp).kindOf(rtp.payloadType()) != io.callvault.media.record.PayloadKind.TELEPHONE_EVENT
                    || rtp.payload().remaining() < 4) {
                return true;
            }
            int i = from.ordinal();
            long ts = rtp.timestamp();
            if (ts != eventTimestamp[i]) {
                eventTimestamp[i] = ts;
                int event = rtp.payload().get(0) & 0xFF;
                eventSwallowed[i] = event < 16 && agentKey(from, "0123456789*#ABCD".charAt(event));
            }
            return !eventSwallowed[i];
        }

        private SessionDescription callerSdpNow() {
            synchronized (lock) {
                return callerSdp;
            }
        }

        private SessionDescription calleeSdpNow() {
            synchronized (lock) {
                return calleeSdp;
            }
        }

        /**
         * Sets up masking at the answer: the customer's keys in the audio the agent hears, when the
         * configuration says so for this call (pci.mask_toward_agent; on for pci lines by default; toward a
         * payment IVR the RFC 4733 events still carry the real digits); and on such calls, when feature codes
         * are on, the agent's in-band keys in what the customer hears, so a code's tones do not reach them. Keys a masker
         * sees go to the recording's digit guard (the recording only gets the masked audio) and, on an agent's
         * leg, to the feature codes.
         */
        private void startMasking(Decision decision, SessionDescription callerSdp, SessionDescription calleeSdp) {
            DtmfMasker[] m = new DtmfMasker[2];
            Leg customer = participants.direction() == io.callvault.core.Direction.OUT ? Leg.B : Leg.A;
            if (pci.masksTowardAgent(decision.flags().pciPause())) {
                boolean toPaymentIvr = pci.paymentNumbers().contains(
                        VaultFrameSink.number(participants.callee()).toString());
                m[customer.ordinal()] = masker(customer, toPaymentIvr, customer == Leg.A ? callerSdp : calleeSdp);
                LOG.info("{}: the {}'s keys are masked toward the agent", label,
                        customer == Leg.A ? "caller" : "callee");
            }
            if (features.enabled() && pci.masksTowardAgent(decision.flags().pciPause())) {
                for (Leg leg : Leg.values()) {
                    if (isAgent(leg) && m[leg.ordinal()] == null) {
                        m[leg.ordinal()] = masker(leg, true, leg == Leg.A ? callerSdp : calleeSdp);
                    }
                }
            }
            maskers = m;
        }

        private DtmfMasker masker(Leg leg, boolean forwardEvents, SessionDescription sdp) {
            int channel = leg == Leg.A ? 0 : 1;
            return new DtmfMasker(leg, MaskSettings.DEFAULTS.withForwardTelephoneEvents(forwardEvents), payloads(sdp),
                    new MaskedDigitListener() {
                        @Override
                        public void digitStarted(MaskedDigit digit) {
                            DigitGuard d = digits;
                            if (d != null) {
                                d.outOfBand(channel, digit.digit());
                            }
                            if (digit.source() == MaskedDigit.Source.IN_BAND) {
                                agentKey(leg, digit.digit()); // events went through the feature-code stage
                            }
                        }

                        @Override
                        public void digitEnded(MaskedDigit digit) {
                            DigitGuard d = digits;
                            if (d != null && digit.source() == MaskedDigit.Source.IN_BAND) {
                                d.maskedUpstream(channel, digit.digit(), digit.end() - digit.start());
                            }
                        }
                    });
        }

        boolean maskTowardAgent(Leg from, ByteBuffer packet, long nanos) {
            DtmfMasker m = maskers[from.ordinal()];
            return m == null || m.process(packet);
        }

        /** RFC 4733 presses of one party go to the digit guard (card detection); never logged. */
        private io.callvault.media.dtmf.DigitListener keys(int channel) {
            return new io.callvault.media.dtmf.DigitListener() {
                @Override
                public void digitStarted(io.callvault.media.dtmf.DigitEvent event) {
                    DigitGuard d = digits;
                    if (d != null) {
                        d.outOfBand(channel, event.digit());
                    }
                }

                @Override
                public void digitEnded(io.callvault.media.dtmf.DigitEvent event) {
                }
            };
        }

        /** The early announcement's outcome: either way the callee is rung next, off the media thread. */
        private final class EarlyListener implements AnnouncementListener {
            private final Runnable proceed;

            EarlyListener(Runnable proceed) {
                this.proceed = proceed;
            }

            @Override
            public void completed(AnnouncementEvidence evidence) {
                consent.announcementEnded(evidence);
                callerHeardEarly = true;
                ringNow();
            }

            @Override
            public void optedOut(Leg leg, AnnouncementEvidence evidence) {
                Session.this.optedOut(leg, evidence);
                ringNow();
            }

            @Override
            public void interrupted(AnnouncementEvidence evidence) {
                Session.this.interrupted(evidence);
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

        // --- announcement events (completed/optedOut on the relay thread, interrupted on a SIP thread) ---

        @Override
        public void completed(AnnouncementEvidence evidence) {
            consent.announcementEnded(evidence);
            synchronized (lock) {
                if (closed || optedOut) {
                    return;
                }
                starter = Thread.ofVirtual().name("rec-start-" + label).start(() -> startRecording(evidence.endedAt()));
            }
        }

        @Override
        public void optedOut(Leg leg, AnnouncementEvidence evidence) {
            consent.announcementEnded(evidence);
            consent.outcome("opted_out");
            VaultFrameSink started;
            synchronized (lock) {
                optedOut = true;
                started = stopRecorder();
            }
            LOG.info("{}: the {} declined recording (opt-out key); the call continues unrecorded", label,
                    leg == Leg.A ? "caller" : "callee");
            if (started != null) {
                Thread.ofVirtual().name("rec-discard-" + label).start(() -> discard(started));
            }
        }

        @Override
        public void interrupted(AnnouncementEvidence evidence) {
            consent.announcementEnded(evidence);
            if (consent.outcome().equals("pending")) {
                consent.outcome("announcement_interrupted");
            }
        }

        /** Starts the vault recording (blocking I/O: never on the relay thread). */
        private void startRecording(Instant at) {
            VaultFrameSink s;
            try {
                s = VaultFrameSink.start(vault, participants, at);
            } catch (Exception e) {
                consent.outcome("recording_failed");
                LOG.error("{}: recording could not start, the call continues unrecorded: {}", label, e.getMessage());
                return;
            }
            boolean keep;
            synchronized (lock) {
                keep = !closed && !optedOut;
                if (keep) {
                    sink = s;
                    guard = new RecordingGuard(s, pci.delay(), pci.markerTone() ? RecordingGuard.PauseFill.MARKER_TONE
                            : RecordingGuard.PauseFill.SILENCE, segment -> s.segment(segment(segment)));
                    digits = new DigitGuard(guard, CARD_INTER_DIGIT, pci.resumeAfter());
                    events = new Rfc4733Tracker[] {new Rfc4733Tracker(payloads(callerSdp), keys(0)),
                            new Rfc4733Tracker(payloads(calleeSdp), keys(1))};
                    recorder = new StereoRecorder(at, payloads(callerSdp), payloads(calleeSdp), RecorderSettings.DEFAULT,
                            (FrameSink) digits);
                }
            }
            if (!keep) {
                discard(s);
                return;
            }
            synchronized (lock) {
                if (digits != null) {
                    digits.onInBandKey((channel, key) -> agentKey(channel == 0 ? Leg.A : Leg.B, key));
                    guard.alertOnLongPause(pci.maxPause(), () -> {
                        String alert = "recording paused for more than " + pci.maxPause().toSeconds() + " s";
                        alerts.computeIfAbsent(label, l -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(alert);
                        LOG.warn("{}: ALERT: {}; resume it (or end the call) when the payment is done", label, alert);
                    });
                    if (pci.paymentNumbers().contains(VaultFrameSink.number(participants.callee()).toString())) {
                        guard.pause("payment-route", "call to a payment number", "auto");
                    }
                }
            }
            live.add(this);
            recordings.put(label, s.recordingId());
            consent.outcome("recorded");
            consent.recordingStarted(s.recordingId());
        }

        private void discard(VaultFrameSink s) {
            recordings.remove(label, s.recordingId());
            consent.recordingDropped();
            s.discard("not kept: " + (optedOut ? "a party declined recording" : "the call ended before recording"));
        }

        /** Stops feeding the recorder and flushes the guard's delay line; returns the sink, or null. Under the lock. */
        private VaultFrameSink stopRecorder() {
            VaultFrameSink s = sink;
            if (recorder != null && !recorder.isFinished()) {
                recorder.finish(time.toInstant(time.now()));
            }
            if (events != null) {
                events[0].finish();
                events[1].finish();
            }
            if (digits != null) {
                digits.finish();
            }
            live.remove(this);
            recorder = null;
            digits = null;
            events = null;
            guard = null;
            sink = null;
            return s;
        }

        // --- LiveCalls.Handle: pause and resume from the API, feature codes and card detection ---

        @Override
        public String label() {
            return label;
        }

        @Override
        public String sipCallId() {
            return participants.callId();
        }

        @Override
        public String caller() {
            return participants.caller();
        }

        @Override
        public String callee() {
            return participants.callee();
        }

        @Override
        public String agent() {
            return participants.direction() == io.callvault.core.Direction.IN ? participants.callee()
                    : participants.caller();
        }

        @Override
        public Instant answeredAt() {
            Instant a = answeredAt;
            return a == null ? Instant.EPOCH : a;
        }

        @Override
        public boolean recording() {
            synchronized (lock) {
                return guard != null;
            }
        }

        @Override
        public boolean paused() {
            synchronized (lock) {
                return guard != null && guard.isPaused();
            }
        }

        @Override
        public boolean pause(String trigger, String reason, String by) {
            synchronized (lock) {
                if (guard == null || guard.isPaused()) {
                    return false;
                }
                guard.pause(trigger, reason, by);
            }
            LOG.info("{}: recording paused ({}, by {})", label, trigger, by);
            return true;
        }

        @Override
        public boolean resume(String by) {
            synchronized (lock) {
                if (guard == null || !guard.isPaused()) {
                    return false;
                }
                guard.resume(by);
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
                if (recorder == null || recorder.isFinished()) {
                    return;
                }
                if (RtpPacket.check(packet) != io.callvault.media.rtp.RtpCheck.VALID) {
                    return;
                }
                RtpPacket rtp = RtpPacket.wrap(packet);
                recorder.receive(leg == Leg.A ? io.callvault.media.record.Leg.CALLER : io.callvault.media.record.Leg.CALLEE,
                        rtp, time.toInstant(arrivalNanos));
                if (maskers[leg.ordinal()] == null) { // a masker reports its leg's keys itself
                    events[leg == Leg.A ? 0 : 1].offer(rtp);
                }
            }
        }

        @Override
        public void close() {
            try {
                stopPacing();
                relay.close();
                for (DtmfMasker m : maskers) {
                    if (m != null) {
                        m.finish();
                    }
                }
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
                if (pending != null) {
                    try {
                        pending.join(Duration.ofSeconds(10));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                VaultFrameSink s;
                synchronized (lock) {
                    s = stopRecorder();
                    if (!answered) {
                        consent.outcome("not_answered");
                    }
                }
                if (s != null) {
                    s.seal();
                }
                consent.finish();
            }
        }

        private PayloadMap payloads(SessionDescription sdp) {
            if (sdp != null) {
                for (var m : sdp.media()) {
                    if (m.media().equals("audio") && m.port() != 0) {
                        return PayloadMap.fromSdp(m);
                    }
                }
            }
            return PayloadMap.STATIC;
        }
    }

    /** A guard segment as the catalog keeps it, in milliseconds from the recording's start. */
    static io.callvault.vault.spi.Segment segment(GuardSegment g) {
        var kind = g.kind() == GuardSegment.Kind.PAUSED ? io.callvault.vault.spi.SegmentKind.PAUSED
                : io.callvault.vault.spi.SegmentKind.MASKED;
        String who = g.by().isEmpty() ? "" : " (" + g.by() + ")";
        return new io.callvault.vault.spi.Segment(g.startMillis(), g.endMillis(), kind,
                g.trigger() + ": " + g.reason() + who);
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

    private static io.callvault.media.record.Leg recorderLeg(Side side) {
        return side == Side.CALLER ? io.callvault.media.record.Leg.CALLER : io.callvault.media.record.Leg.CALLEE;
    }
}
