package io.callvault.server.sip;

import io.callvault.media.dtmf.DigitEvent;
import io.callvault.media.dtmf.DigitListener;
import io.callvault.media.dtmf.Rfc4733Tracker;
import io.callvault.media.record.FrameSink;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.record.RecorderSettings;
import io.callvault.media.record.StereoRecorder;
import io.callvault.media.record.guard.DigitGuard;
import io.callvault.media.record.guard.GuardSegment;
import io.callvault.media.record.guard.RecordingGuard;
import io.callvault.media.rtp.RtpCheck;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.server.config.ServerConfig;
import io.callvault.sip.b2bua.Side;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The recording of one part of a call, once its vault recording exists: RTP of both legs into a
 * {@link StereoRecorder} (caller left, callee right), its frames through the {@link DigitGuard} (in-band
 * keys masked, card numbers paused) and the {@link RecordingGuard}'s delay line into the vault sink. RFC 4733
 * key presses of each party are tracked for card detection. Digits are never logged.
 *
 * <p>Not thread-safe: the owning session calls every method under its own lock, except
 * {@link #outOfBand} and {@link #maskedUpstream}, which only reach the (synchronised) digit guard.
 */
final class GuardedRecording {
    /** A longer gap between two keys ends a digit run (card numbers are keyed in one go). */
    static final Duration CARD_INTER_DIGIT = Duration.ofSeconds(3);

    private final VaultFrameSink sink;
    private final RecordingGuard guard;
    private final DigitGuard digits;
    private final StereoRecorder recorder;
    /** RFC 4733 key presses of the caller (0) and callee (1). */
    private final Rfc4733Tracker[] events;

    /**
     * @param at      where the recording starts: its first sample
     * @param caller  the caller leg's payload types now; likewise {@code callee}
     */
    GuardedRecording(VaultFrameSink sink, Instant at, PayloadMap caller, PayloadMap callee, ServerConfig.Pci pci) {
        this.sink = sink;
        this.guard = new RecordingGuard(sink, pci.delay(), pci.markerTone() ? RecordingGuard.PauseFill.MARKER_TONE
                : RecordingGuard.PauseFill.SILENCE, segment -> sink.segment(segment(segment)));
        this.digits = new DigitGuard(guard, CARD_INTER_DIGIT, pci.resumeAfter());
        this.events = new Rfc4733Tracker[] {new Rfc4733Tracker(caller, keys(0)), new Rfc4733Tracker(callee, keys(1))};
        this.recorder = new StereoRecorder(at, caller, callee, RecorderSettings.DEFAULT, (FrameSink) digits);
    }

    VaultFrameSink sink() {
        return sink;
    }

    /** In-band keys as they start (channel 0 caller, 1 callee), e.g. for an agent's feature codes. */
    void onInBandKey(BiConsumer<Integer, Character> listener) {
        digits.onInBandKey(listener);
    }

    /** Runs {@code alert} once when a pause has lasted {@code after}. */
    void alertOnLongPause(Duration after, Runnable alert) {
        guard.alertOnLongPause(after, alert);
    }

    /**
     * One RTP packet of {@code side} as it left the relay's earlier stages; invalid packets are ignored.
     *
     * @param trackKeys whether its RFC 4733 events are tracked here (false where a masker reports that leg's keys)
     */
    void receive(Side side, ByteBuffer packet, Instant arrival, boolean trackKeys) {
        if (recorder.isFinished() || RtpPacket.check(packet) != RtpCheck.VALID) {
            return;
        }
        RtpPacket rtp = RtpPacket.wrap(packet);
        recorder.receive(side == Side.CALLER ? io.callvault.media.record.Leg.CALLER
                : io.callvault.media.record.Leg.CALLEE, rtp, arrival);
        if (trackKeys) {
            events[channel(side)].offer(rtp);
        }
    }

    /** {@code side} renegotiated its payload types (re-INVITE, transfer). */
    void updatePayloadMap(Side side, PayloadMap map) {
        recorder.updatePayloadMap(side == Side.CALLER ? io.callvault.media.record.Leg.CALLER
                : io.callvault.media.record.Leg.CALLEE, map);
        events[channel(side)].updatePayloadMap(map);
    }

    /** A key of {@code side} that did not travel as audio (RFC 4733 seen elsewhere, SIP INFO). Any thread. */
    void outOfBand(Side side, char key) {
        digits.outOfBand(channel(side), key);
    }

    /** A key of {@code side} a masker already replaced in the audio, {@code samples} long. Any thread. */
    void maskedUpstream(Side side, char key, long samples) {
        digits.maskedUpstream(channel(side), key, samples);
    }

    boolean isPaused() {
        return guard.isPaused();
    }

    void pause(String trigger, String reason, String by) {
        guard.pause(trigger, reason, by);
    }

    void resume(String by) {
        guard.resume(by);
    }

    /** Writes out what the recorder and the delay line still hold, up to {@code end}; the sink is then sealed by the caller. */
    VaultFrameSink finish(Instant end) {
        if (!recorder.isFinished()) {
            recorder.finish(end);
        }
        events[0].finish();
        events[1].finish();
        digits.finish();
        return sink;
    }

    private DigitListener keys(int channel) {
        return new DigitListener() {
            @Override
            public void digitStarted(DigitEvent event) {
                digits.outOfBand(channel, event.digit());
            }

            @Override
            public void digitEnded(DigitEvent event) {
            }
        };
    }

    private static int channel(Side side) {
        return side == Side.CALLER ? 0 : 1;
    }

    /** A guard segment as the catalog keeps it, in milliseconds from the recording's start. */
    static io.callvault.vault.spi.Segment segment(GuardSegment g) {
        var kind = g.kind() == GuardSegment.Kind.PAUSED ? io.callvault.vault.spi.SegmentKind.PAUSED
                : io.callvault.vault.spi.SegmentKind.MASKED;
        String who = g.by().isEmpty() ? "" : " (" + g.by() + ")";
        return new io.callvault.vault.spi.Segment(g.startMillis(), g.endMillis(), kind,
                g.trigger() + ": " + g.reason() + who);
    }
}
