package io.callvault.media.record.guard;

import io.callvault.media.record.FrameSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sits between the {@link io.callvault.media.record.StereoRecorder} and the vault: holds the last
 * {@code delay} of stereo audio in memory before passing it on, so a pause can reach back in time (a card
 * number is only recognisable after its digits were keyed) and DTMF digits can be cut from the moment they
 * began. While paused, both channels carry silence (or a quiet marker tone), so the recording's timeline and
 * duration stay true.
 *
 * <p>Positions are samples per channel (8000 per second) on the recording's timeline, counted from its
 * first frame. {@link #position()} is the live edge: everything before it has been received; everything
 * before {@code position() - delay} has already gone to the vault and can no longer be changed.
 *
 * <p>Thread-safety: {@link #write} comes from the recorder's thread; pause, resume and mask may come from any
 * thread. All methods are synchronised; none blocks on I/O except that {@code write} and {@link #finish}
 * call the downstream sink.
 */
public final class RecordingGuard implements FrameSink {
    private static final int BYTES_PER_FRAME = 4;
    /** Marker tone: 425 Hz at about -36 dBFS, quiet enough not to disturb, present enough to be noticed. */
    private static final double MARKER_HZ = 425;
    private static final double MARKER_AMPLITUDE = 520;

    /** How paused audio sounds in the recording. */
    public enum PauseFill {
        SILENCE,
        MARKER_TONE
    }

    private final FrameSink downstream;
    private final long delaySamples;
    private final PauseFill fill;
    private final Consumer<GuardSegment> segments;
    /** Frames received but not yet passed on: interleaved stereo, oldest first. */
    private final ArrayDeque<short[]> held = new ArrayDeque<>();
    private long heldSamples;
    /** Samples received so far (the live edge). */
    private long position;
    /** Samples already passed downstream. */
    private long emitted;
    private final Ranges paused = new Ranges();
    private final Ranges[] masked = {new Ranges(), new Ranges()};
    private PauseInfo openPause;
    private long alertAfterSamples = Long.MAX_VALUE;
    private Runnable longPauseAlert = () -> { };
    private boolean alerted;
    private final long[][] openMask = new long[2][];
    private final String[] openMaskTrigger = new String[2];
    private boolean finished;
    private final ByteBuffer out = ByteBuffer.allocate(640).order(ByteOrder.LITTLE_ENDIAN);

    private record PauseInfo(long start, String trigger, String reason, String by) {
    }

    /**
     * @param delay    how far back a pause or a mask can reach; the vault receives audio this much later
     * @param segments told of every segment once it is final (a pause when it ends, a mask when applied)
     */
    public RecordingGuard(FrameSink downstream, Duration delay, PauseFill fill, Consumer<GuardSegment> segments) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        if (delay.isNegative() || delay.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("the delay line holds 0-30 s, not " + delay);
        }
        this.delaySamples = delay.toMillis() * 8;
        this.fill = Objects.requireNonNull(fill, "fill");
        this.segments = Objects.requireNonNull(segments, "segments");
    }

    /**
     * Calls {@code alert} (on the writing thread; it must not block) once a pause has lasted {@code max}: a
     * recording must never stay paused silently. Once per pause.
     */
    public synchronized void alertOnLongPause(Duration max, Runnable alert) {
        this.alertAfterSamples = max.toMillis() * 8;
        this.longPauseAlert = Objects.requireNonNull(alert, "alert");
    }

    /** The live edge: samples per channel received so far. */
    public synchronized long position() {
        return position;
    }

    /** The earliest position a pause or mask can still change. */
    public synchronized long earliestChangeable() {
        return emitted;
    }

    public synchronized boolean isPaused() {
        return openPause != null;
    }

    @Override
    public synchronized void write(ByteBuffer frames) {
        if (finished) {
            return;
        }
        ByteBuffer in = frames.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int samples = in.remaining() / BYTES_PER_FRAME;
        short[] block = new short[samples * 2];
        in.asShortBuffer().get(block); // bulk copy: this runs for every 20 ms frame of every call
        held.addLast(block);
        heldSamples += samples;
        position += samples;
        if (openPause != null && !alerted && position - openPause.start() >= alertAfterSamples) {
            alerted = true;
            longPauseAlert.run();
        }
        emitUntil(position - delaySamples);
    }

    /** Pauses from the live edge on; until {@link #resume}. A second pause while paused changes nothing. */
    public synchronized void pause(String trigger, String reason, String by) {
        pauseFrom(position, trigger, reason, by);
    }

    /**
     * Pauses from {@code start} (clamped to what can still be changed) — retroactive excision, e.g. from the
     * first digit of a card number detected only after its last digit.
     *
     * @return the position the pause actually starts at
     */
    public synchronized long pauseFrom(long start, String trigger, String reason, String by) {
        long from = Math.max(emitted, Math.min(start, position));
        if (openPause != null) {
            if (from < openPause.start()) {
                openPause = new PauseInfo(from, openPause.trigger(), openPause.reason(), openPause.by());
            }
            return openPause.start();
        }
        openPause = new PauseInfo(from, trigger, reason, by);
        return from;
    }

    /** Gives the open pause a better reason before it is reported (e.g. once a run is confirmed as a card number). */
    public synchronized void relabelPause(String reason) {
        if (openPause != null) {
            openPause = new PauseInfo(openPause.start(), openPause.trigger(), reason, openPause.by());
        }
    }

    /** Ends the pause at the live edge and reports its segment; nothing if not paused. */
    public synchronized void resume(String by) {
        if (openPause == null) {
            return;
        }
        PauseInfo p = openPause;
        openPause = null;
        alerted = false;
        paused.add(p.start(), position);
        segments.accept(new GuardSegment(GuardSegment.Kind.PAUSED, p.start(), position, p.trigger(), p.reason(),
                p.by() + (by == null || by.equals(p.by()) ? "" : ", resumed by " + by)));
    }

    /**
     * Replaces {@code channel}'s audio (0 caller, 1 callee) from {@code start} to {@code end} with silence —
     * a DTMF digit. The start is clamped to what can still be changed; the end may lie ahead of the live
     * edge. Reported as a MASKED segment.
     *
     * @return false if nothing of the range could still be changed (it already went to the vault)
     */
    public synchronized boolean mask(int channel, long start, long end, String trigger) {
        long from = Math.max(emitted, start);
        long to = end; // may lie ahead of the live edge: a digit still sounding is cut as it arrives
        if (to <= from) {
            return false;
        }
        masked[channel].add(from, to);
        segments.accept(new GuardSegment(GuardSegment.Kind.MASKED, from, to, trigger, "DTMF digit replaced",
                "auto"));
        return true;
    }

    /**
     * Starts masking {@code channel} from {@code start} (clamped to what can still be changed) with no end
     * yet — a digit that is still sounding; {@link #endMask} ends it and reports the segment.
     */
    public synchronized void startMask(int channel, long start, String trigger) {
        long from = Math.max(emitted, Math.max(0, start));
        masked[channel].add(from, Long.MAX_VALUE);
        openMask[channel] = new long[] {from};
        openMaskTrigger[channel] = trigger;
    }

    /** Ends the open mask of {@code channel} at {@code end} and reports it; nothing if none is open. */
    public synchronized void endMask(int channel, long end) {
        if (openMask[channel] == null) {
            return;
        }
        long from = openMask[channel][0];
        openMask[channel] = null;
        masked[channel].endLast(end);
        if (end > from) {
            segments.accept(new GuardSegment(GuardSegment.Kind.MASKED, from, end, openMaskTrigger[channel],
                    "DTMF digit replaced", "auto"));
        }
    }

    /**
     * Reports a MASKED segment of {@code channel} ending at the live edge and lasting {@code samples}, for a
     * key that was already masked before the audio reached the recording (the masker toward the agent); the
     * audio is not touched again.
     */
    public synchronized void noteMaskedUpstream(int channel, long samples, String trigger) {
        long start = Math.max(0, position - samples);
        segments.accept(new GuardSegment(GuardSegment.Kind.MASKED, start, position, trigger,
                "DTMF digit replaced", "auto"));
    }

    /** Passes everything still held downstream (applying pauses and masks) and closes an open pause. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        if (openPause != null) {
            resume("end of call");
        }
        for (int c = 0; c < 2; c++) {
            endMask(c, position);
        }
        emitUntil(position);
        finished = true;
    }

    private void emitUntil(long until) {
        while (!held.isEmpty() && emitted + held.peekFirst().length / 2 <= until) {
            short[] block = held.removeFirst();
            int samples = block.length / 2;
            heldSamples -= samples;
            apply(block, emitted);
            send(block);
            emitted += samples;
        }
    }

    /** Applies pauses (both channels) and masks (one channel) to a block starting at {@code at}. */
    private void apply(short[] block, long at) {
        int samples = block.length / 2;
        if (openPause == null && paused.isEmpty() && masked[0].isEmpty() && masked[1].isEmpty()) {
            return; // the common case: nothing to change, no per-sample work
        }
        for (int i = 0; i < samples; i++) {
            long t = at + i;
            boolean pausedHere = paused.contains(t) || (openPause != null && t >= openPause.start());
            if (pausedHere) {
                short v = fill == PauseFill.SILENCE ? 0
                        : (short) Math.round(MARKER_AMPLITUDE * Math.sin(2 * Math.PI * MARKER_HZ * t / 8000.0));
                block[2 * i] = v;
                block[2 * i + 1] = v;
                continue;
            }
            if (masked[0].contains(t)) {
                block[2 * i] = 0;
            }
            if (masked[1].contains(t)) {
                block[2 * i + 1] = 0;
            }
        }
        paused.dropBefore(at + samples);
        masked[0].dropBefore(at + samples);
        masked[1].dropBefore(at + samples);
    }

    private void send(short[] block) {
        for (int offset = 0; offset < block.length; offset += out.capacity() / 2) {
            out.clear();
            int n = Math.min(out.capacity() / 2, block.length - offset);
            out.asShortBuffer().put(block, offset, n); // the view is little-endian, like out
            out.limit(2 * n);
            downstream.write(out);
        }
    }
}
