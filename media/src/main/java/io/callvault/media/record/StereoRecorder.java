package io.callvault.media.record;

import io.callvault.core.AudioFormat;
import io.callvault.media.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The recording tap of one call: RTP of the caller's leg and the callee's leg in, one stereo timeline out
 * ({@link AudioFormat#STEREO_8K}: caller left, callee right), written to a {@link FrameSink} 20 ms at a time.
 *
 * <p><b>Timeline.</b> Sample 0 is the {@code start} instant (the answer). Each leg is placed as described
 * in {@link LegTimeline}: RTP-timestamp offsets from its first packet, anchored on that packet's arrival,
 * re-anchored on arrival for a new SSRC, a timestamp jump beyond {@link RecorderSettings#reanchorThreshold},
 * or a leg whose in-order packets keep arriving too late (a slow sender clock). Each re-anchoring moves that
 * leg's audio by the difference; it is how clock skew between sender and relay is absorbed.
 * Reordered packets within the {@link RecorderSettings#playoutWindow} land in place; later ones, duplicates,
 * telephone-events, comfort noise and unknown payload types are dropped and counted, never thrown. Whatever
 * no packet covers (loss, hold, a leg that never sends) is silence, so the recording is exactly as long as
 * the call: {@code finish(end)} leaves {@code floor((end − start) × 8000)} frames written in total.
 *
 * <p><b>Time.</b> No clock is read here: every instant comes from the caller (arrival stamps, flush and end
 * instants), so tests run on explicit instants. {@link #receive} writes out what is older than its arrival
 * minus the window, {@link #flushUntil} does the same for a timer tick when no packet comes; instants
 * that go backwards write nothing.
 *
 * <p><b>Threading.</b> Not thread-safe: one instance belongs to one call and is used from that call's event
 * loop thread only, as the relay does. The sink is called on that thread.
 */
public final class StereoRecorder {
    public static final AudioFormat FORMAT = AudioFormat.STEREO_8K;
    /** Samples per channel in one write: 20 ms at 8 kHz. */
    public static final int FRAME_SAMPLES = 160;
    private static final int RATE = 8000;
    private static final int BYTES_PER_FRAME = 4;

    private final Instant start;
    private final FrameSink sink;
    private final long window;
    private final long threshold;
    private final LegTimeline caller;
    private final LegTimeline callee;
    private final ByteBuffer frame = ByteBuffer.allocate(FRAME_SAMPLES * BYTES_PER_FRAME)
            .order(ByteOrder.LITTLE_ENDIAN);
    /** The frame being assembled, interleaved caller/callee, before its bulk copy into {@link #frame}. */
    private final short[] pcm = new short[FRAME_SAMPLES * 2];
    private long emitted;
    private boolean finished;

    /**
     * @param start   the instant of sample 0 (the call was answered)
     * @param caller  payload types of the caller's leg
     * @param callee  payload types of the callee's leg
     */
    public StereoRecorder(Instant start, PayloadMap caller, PayloadMap callee, RecorderSettings settings,
            FrameSink sink) {
        this.start = Objects.requireNonNull(start, "start");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.window = samples(settings.playoutWindow());
        this.threshold = samples(settings.reanchorThreshold());
        // A placed packet starts at most `threshold` after its arrival, and what is before arrival - window
        // (rounded down to a frame) is written out: the ring must span window + frame + threshold + a packet.
        int capacity = Math.toIntExact(window + FRAME_SAMPLES + threshold + LegTimeline.MAX_PACKET_SAMPLES);
        this.caller = new LegTimeline(capacity, Objects.requireNonNull(caller, "caller"));
        this.callee = new LegTimeline(capacity, Objects.requireNonNull(callee, "callee"));
    }

    /**
     * Places one packet of {@code leg} that arrived at {@code arrival}, after writing out what is older than
     * {@code arrival} minus the playout window. The packet's bytes are read before this returns and not kept.
     */
    public PacketOutcome receive(Leg leg, RtpPacket packet, Instant arrival) {
        LegTimeline timeline = timeline(leg);
        if (finished) {
            return timeline.afterEnd();
        }
        long at = position(arrival);
        writeFramesUntil(at - window);
        return timeline.place(packet, at, emitted, threshold);
    }

    /** Takes a new payload-type map for {@code leg}, e.g. after a re-INVITE; placed audio is not affected. */
    public void updatePayloadMap(Leg leg, PayloadMap map) {
        timeline(leg).payloads(Objects.requireNonNull(map, "map"));
    }

    /** Writes out every whole 20 ms frame older than {@code now} minus the playout window. */
    public void flushUntil(Instant now) {
        if (!finished) {
            writeFramesUntil(position(now) - window);
        }
    }

    /**
     * Writes out everything up to {@code end} (the last write may be shorter than 20 ms) and closes the
     * timeline. Audio placed beyond {@code end} is discarded. If {@code end} lies before what was already
     * written out, nothing more is written.
     *
     * @throws IllegalStateException if already finished
     */
    public void finish(Instant end) {
        if (finished) {
            throw new IllegalStateException("recording already finished at " + recorded());
        }
        long last = position(end);
        writeFramesUntil(last);
        if (last > emitted) {
            writeFrame((int) (last - emitted));
        }
        finished = true;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Length written out so far. */
    public Duration recorded() {
        return Duration.ofNanos(emitted * 1_000_000_000L / RATE);
    }

    public LegStats stats(Leg leg) {
        return timeline(leg).stats();
    }

    private LegTimeline timeline(Leg leg) {
        return leg == Leg.CALLER ? caller : callee;
    }

    private void writeFramesUntil(long limit) {
        while (emitted + FRAME_SAMPLES <= limit) {
            writeFrame(FRAME_SAMPLES);
        }
    }

    private void writeFrame(int count) {
        for (int i = 0; i < count; i++) {
            long s = emitted + i;
            pcm[2 * i] = caller.take(s);
            pcm[2 * i + 1] = callee.take(s);
        }
        frame.clear();
        frame.asShortBuffer().put(pcm, 0, 2 * count); // bulk, little-endian like frame
        frame.limit(count * BYTES_PER_FRAME);
        emitted += count;
        sink.write(frame);
    }

    /** The sample position of {@code instant}, rounded down (negative before the start). */
    private long position(Instant instant) {
        Duration d = Duration.between(start, instant);
        return d.getSeconds() * RATE + d.getNano() * (long) RATE / 1_000_000_000L;
    }

    private static long samples(Duration d) {
        return d.toNanos() * RATE / 1_000_000_000L;
    }
}
