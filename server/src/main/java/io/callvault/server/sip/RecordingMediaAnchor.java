package io.callvault.server.sip;

import io.callvault.media.record.FrameSink;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.record.RecorderSettings;
import io.callvault.media.record.StereoRecorder;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.MediaRelay;
import io.callvault.media.relay.RelayChain;
import io.callvault.media.relay.RelaySession;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.sdp.SessionDescription;
import io.callvault.sip.b2bua.MediaAnchor;
import io.callvault.sip.b2bua.Side;
import io.callvault.vault.Vault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors each call's media in the {@link MediaRelay} and, once the call is answered, records both
 * directions through a {@link StereoRecorder} into the vault (caller left, callee right). The recorder
 * is fed on the relay's event loop; encryption and storage happen on a per-call virtual thread
 * ({@link VaultFrameSink}) so a slow disk never delays packets.
 */
public final class RecordingMediaAnchor implements MediaAnchor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMediaAnchor.class);

    private final MediaRelay relay;
    private final Vault vault;
    private final InstantSource clock;
    /** Recording of each call that has one, by call label, until the call record takes it. */
    private final java.util.Map<String, io.callvault.core.RecordingId> recordings =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The recording made for the call with this label, if any; forgotten after this call. */
    public java.util.Optional<io.callvault.core.RecordingId> takeRecording(String label) {
        return java.util.Optional.ofNullable(recordings.remove(label));
    }

    public RecordingMediaAnchor(MediaRelay relay, Vault vault, InstantSource clock) {
        this.relay = relay;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public MediaSession open(Participants participants) throws IOException {
        Session s = new Session(participants);
        try {
            s.relay = relay.openSession(participants.label(), RelayChain.observing("recording-tap", s::onRtp));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return s;
    }

    private final class Session implements MediaSession {
        private final Participants participants;
        private final String label;
        private volatile RelaySession relay;
        /** Guards recorder: fed on the relay thread, finished from a SIP thread. */
        private final Object lock = new Object();
        private StereoRecorder recorder;
        private VaultFrameSink sink;
        private final long nanoOrigin = System.nanoTime();
        private final Instant instantOrigin = clock.instant();

        Session(Participants participants) {
            this.participants = participants;
            this.label = participants.label();
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
            synchronized (lock) {
                if (recorder != null) {
                    recorder.updatePayloadMap(recorderLeg(side), PayloadMap.fromSdp(media));
                }
            }
        }

        @Override
        public void answered(Instant at, SessionDescription callerSdp, SessionDescription calleeSdp) {
            try {
                VaultFrameSink s = VaultFrameSink.start(vault, participants, at);
                recordings.put(label, s.recordingId());
                synchronized (lock) {
                    sink = s;
                    recorder = new StereoRecorder(at, payloads(callerSdp), payloads(calleeSdp), RecorderSettings.DEFAULT,
                            (FrameSink) s);
                }
            } catch (Exception e) {
                LOG.error("{}: recording could not start, the call continues unrecorded: {}", label, e.getMessage());
            }
        }

        void onRtp(Leg leg, ByteBuffer packet, long arrivalNanos) {
            synchronized (lock) {
                if (recorder == null || recorder.isFinished()) {
                    return;
                }
                if (RtpPacket.check(packet) != io.callvault.media.rtp.RtpCheck.VALID) {
                    return;
                }
                recorder.receive(leg == Leg.A ? io.callvault.media.record.Leg.CALLER : io.callvault.media.record.Leg.CALLEE,
                        RtpPacket.wrap(packet), instantOrigin.plusNanos(arrivalNanos - nanoOrigin));
            }
        }

        @Override
        public void close() {
            try {
                relay.close();
            } finally {
                VaultFrameSink s;
                synchronized (lock) {
                    if (recorder != null && !recorder.isFinished()) {
                        recorder.finish(instantOrigin.plusNanos(System.nanoTime() - nanoOrigin));
                    }
                    s = sink;
                }
                if (s != null) {
                    s.seal();
                }
            }
        }

        private PayloadMap payloads(SessionDescription sdp) {
            for (var m : sdp.media()) {
                if (m.media().equals("audio") && m.port() != 0) {
                    return PayloadMap.fromSdp(m);
                }
            }
            return PayloadMap.STATIC;
        }
    }

    private static Leg leg(Side side) {
        return side == Side.CALLER ? Leg.A : Leg.B;
    }

    private static io.callvault.media.record.Leg recorderLeg(Side side) {
        return side == Side.CALLER ? io.callvault.media.record.Leg.CALLER : io.callvault.media.record.Leg.CALLEE;
    }
}
