package io.callvault.server.sip;

import io.callvault.core.Direction;
import io.callvault.media.dtmf.DtmfMasker;
import io.callvault.media.dtmf.MaskSettings;
import io.callvault.media.dtmf.MaskedDigit;
import io.callvault.media.dtmf.MaskedDigitListener;
import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.relay.Leg;
import io.callvault.media.rtp.RtpCheck;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.policy.Decision;
import io.callvault.sdp.SessionDescription;
import io.callvault.server.config.ServerConfig;
import io.callvault.sip.b2bua.MediaAnchor.Participants;
import io.callvault.sip.b2bua.Side;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of one call's parties, as far as the media path is concerned: the agent's feature codes (pause
 * and resume the recording, never passed on to the other party) and the masking of keys in what the other
 * party hears ({@link DtmfMasker}, one per masked leg). Provides two relay stages, {@link #featureCodeEvents}
 * and {@link #maskTowardAgent}; keys the maskers see go on to the recording's digit guard. Digits are never
 * logged.
 *
 * <p>Threading: the stages run on the relay's event loop; {@link #agentKey} also comes from SIP threads (INFO)
 * and the recorder (in-band keys), so feature codes are synchronised in {@link FeatureCodes}; the maskers are
 * replaced as a whole (volatile array).
 */
final class AgentKeys {
    private static final Logger LOG = LoggerFactory.getLogger(AgentKeys.class);

    /** What the keys act on: the call's session. */
    interface Call {
        Participants participants();

        /** The SDP {@code leg}'s party sent last, or null. */
        SessionDescription sdp(Leg leg);

        /** The recording being made now, or null. */
        GuardedRecording recording();

        void pause(String trigger, String reason, String by);

        void resume(String by);
    }

    private final String label;
    private final ServerConfig.Pci pci;
    private final Call call;
    private final FeatureCodes features;
    /** Per leg (A, B), the masker of the keys pressed there, in what the other party hears; null where none. */
    private volatile DtmfMasker[] maskers = new DtmfMasker[2];
    /** Per leg: the RTP timestamp of the last telephone-event press seen, and whether it was swallowed. */
    private final long[] eventTimestamp = {-1, -1};
    private final boolean[] eventSwallowed = new boolean[2];

    AgentKeys(String label, ServerConfig.Pci pci, LongSupplier nanoTime, Call call) {
        this.label = label;
        this.pci = pci;
        this.call = call;
        this.features = new FeatureCodes(pci.featurePause(), pci.featureResume(), nanoTime);
    }

    /** The legs whose keys are an agent's (feature codes): the business's side of the call. */
    boolean isAgent(Leg leg) {
        return switch (call.participants().direction()) {
            case IN -> leg == Leg.B;
            case OUT -> leg == Leg.A;
            default -> true;
        };
    }

    /** The agent on the call: the extension on the business's side. */
    String agent() {
        Participants p = call.participants();
        return p.direction() == Direction.IN ? p.callee() : p.caller();
    }

    /** A key of {@code leg}'s party, from any source: acts on a feature code; true if the key belongs to one. */
    boolean agentKey(Leg leg, char key) {
        if (!isAgent(leg)) {
            return false;
        }
        FeatureCodes.Verdict v = features.key(key);
        switch (v.action()) {
            case PAUSE -> call.pause("feature-code", "the agent pressed the pause code", "agent " + agent());
            case RESUME -> call.resume("agent " + agent());
            case NONE -> {
            }
        }
        return v.swallow();
    }

    /** Stage: an agent's RFC 4733 presses that form a feature code go no further (nor to the other party). */
    boolean featureCodeEvents(Leg from, ByteBuffer packet, long nanos) {
        if (!features.enabled() || !isAgent(from) || RtpPacket.check(packet) != RtpCheck.VALID) {
            return true;
        }
        RtpPacket rtp = RtpPacket.wrap(packet);
        if (rtp.payloadType() < 96) {
            return true; // telephone-event is always a dynamic payload type
        }
        if (RecordingMediaAnchor.payloads(call.sdp(from)).kindOf(rtp.payloadType()) != PayloadKind.TELEPHONE_EVENT
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

    /** Stage: {@code from}'s keys replaced in what the other party hears, where that leg is masked. */
    boolean maskTowardAgent(Leg from, ByteBuffer packet, long nanos) {
        DtmfMasker m = maskers[from.ordinal()];
        return m == null || m.process(packet);
    }

    /**
     * Sets up masking for a decision (at the answer, and again after a transfer): the customer's keys in the
     * audio the agent hears, when the configuration says so for this call (pci.mask_toward_agent; on for pci
     * lines by default; toward a payment IVR the RFC 4733 events still carry the real digits); and on such
     * calls, when feature codes are on, the agent's in-band keys in what the customer hears, so a code's tones
     * do not reach them. Keys a masker sees go to the recording's digit guard (the recording only gets the
     * masked audio) and, on an agent's leg, to the feature codes.
     */
    void startMasking(Decision decision, SessionDescription callerSdp, SessionDescription calleeSdp) {
        DtmfMasker[] m = new DtmfMasker[2];
        Participants p = call.participants();
        Leg customer = p.direction() == Direction.OUT ? Leg.B : Leg.A;
        if (pci.masksTowardAgent(decision.flags().pciPause())) {
            boolean toPaymentIvr = pci.paymentNumbers().contains(VaultFrameSink.number(p.callee()).toString());
            m[customer.ordinal()] = masker(customer, toPaymentIvr, customer == Leg.A ? callerSdp : calleeSdp);
            LOG.info("{}: the {}'s keys are masked toward the agent", label, customer == Leg.A ? "caller" : "callee");
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

    /** Whether {@code leg}'s keys are reported by its masker (and so must not be tracked again from the RTP). */
    boolean masked(Leg leg) {
        return maskers[leg.ordinal()] != null;
    }

    /** {@code leg} renegotiated its payload types. */
    void updatePayloadMap(Leg leg, PayloadMap map) {
        DtmfMasker m = maskers[leg.ordinal()];
        if (m != null) {
            m.updatePayloadMap(map);
        }
    }

    /** The call ended: maskers release what they hold back. */
    void finish() {
        for (DtmfMasker m : maskers) {
            if (m != null) {
                m.finish();
            }
        }
    }

    private DtmfMasker masker(Leg leg, boolean forwardEvents, SessionDescription sdp) {
        Side side = leg == Leg.A ? Side.CALLER : Side.CALLEE;
        return new DtmfMasker(leg, MaskSettings.DEFAULTS.withForwardTelephoneEvents(forwardEvents),
                RecordingMediaAnchor.payloads(sdp), new MaskedDigitListener() {
                    @Override
                    public void digitStarted(MaskedDigit digit) {
                        GuardedRecording r = call.recording();
                        if (r != null) {
                            r.outOfBand(side, digit.digit());
                        }
                        if (digit.source() == MaskedDigit.Source.IN_BAND) {
                            agentKey(leg, digit.digit()); // events went through the feature-code stage
                        }
                    }

                    @Override
                    public void digitEnded(MaskedDigit digit) {
                        GuardedRecording r = call.recording();
                        if (r != null && digit.source() == MaskedDigit.Source.IN_BAND) {
                            r.maskedUpstream(side, digit.digit(), digit.end() - digit.start());
                        }
                    }
                });
    }
}
