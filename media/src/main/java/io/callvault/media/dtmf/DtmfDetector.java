package io.callvault.media.dtmf;

import java.util.Arrays;
import java.util.Objects;

/**
 * In-band DTMF detector for one direction of a call, to the ITU-T Q.24 limits: 8000 Hz 16-bit linear PCM
 * in, in chunks of any size, key presses out through a {@link DigitListener}. Positions are sample indexes
 * from the first sample fed (0); there is no clock, so the same input always gives the same events.
 *
 * <p>How: every {@link #HOP} samples (5 ms) the last {@link #WINDOW} samples (20 ms) are judged by
 * {@link ToneWindow} (Hann window, Goertzel at the eight frequencies; dominance, frequency within 2.5 %,
 * level, twist and purity checks). A key starts after {@link #CONFIRM_WINDOWS} consecutive windows agree on
 * it, and ends after {@link #END_WINDOWS} consecutive windows do not (or at once when another key is seen).
 * The numbers and what the tests measure are in {@code docs/dtmf.md}:
 * <ul>
 *   <li>five agreeing windows take a tone of about 30 ms: tones of 33.7 ms or more are always detected,
 *       tones of 28.1 ms or less never, whatever their alignment with the 5 ms grid (Q.24: operate at
 *       40 ms, never under 23 ms);</li>
 *   <li>five non-agreeing windows are tolerated, so a break of up to 10 ms inside a tone does not split
 *       it, while a 40 ms pause gives at least eight and ends it;</li>
 *   <li>a key's reported range is {@code [start of its first agreeing window, end of its last)}. For a
 *       clean tone it contains the tone with 1 to 6 ms to spare at each end; with noise or speech on top,
 *       the first and last windows may fail and the range falls short of the tone by up to a window step
 *       or two at each end.</li>
 * </ul>
 *
 * <p>Latency: {@code digitStarted} is called when the input reaches {@code startSample +}
 * {@link #CONFIRMATION_DELAY} (40 ms after the reported start); {@code digitEnded} when it reaches
 * {@code endSample +} {@link #END_DELAY}. A consumer that must act on the audio of the whole key (a masker)
 * therefore has to hold at least {@code CONFIRMATION_DELAY} samples back.
 *
 * <p>Not thread-safe: one thread feeds it (or calls are otherwise ordered). Listener calls happen on that
 * thread, inside {@link #process}, {@link #silence} or {@link #finish}. The caller's arrays are only read
 * during the call. The detector never logs.
 */
public final class DtmfDetector {
    public static final int SAMPLE_RATE = ToneWindow.SAMPLE_RATE;
    /** Analysis window, samples (20 ms). */
    public static final int WINDOW = ToneWindow.WINDOW;
    /** Step between windows, samples (5 ms). */
    public static final int HOP = ToneWindow.HOP;
    /** Consecutive windows that must agree on a key before it starts. */
    public static final int CONFIRM_WINDOWS = 5;
    /** Consecutive windows without the key that end it. */
    public static final int END_WINDOWS = 6;
    /** Samples from a key's reported start to the input that confirms it (320, 40 ms). */
    public static final int CONFIRMATION_DELAY = WINDOW + (CONFIRM_WINDOWS - 1) * HOP;
    /** Samples from a key's reported end to the input that ends it, when silence follows (240, 30 ms). */
    public static final int END_DELAY = END_WINDOWS * HOP;

    private final DigitListener listener;
    private final ToneWindow judge = new ToneWindow();
    private final double[] ring = new double[WINDOW];
    private final double[] window = new double[WINDOW];
    private int ringNext;
    private long position;
    /** {@code position % HOP}, kept as a counter: the per-sample path has no division. */
    private int sinceHop;
    private long zeroRun;

    private int candidate = -1;
    private int candidateWindows;
    private long candidateStart;
    private int active = -1;
    private long activeStart;
    private long lastHit;
    private int misses;

    public DtmfDetector(DigitListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Analyses {@code pcm[offset, offset + length)}, the next samples of the stream. */
    public void process(short[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        for (int i = offset; i < offset + length; i++) {
            push(pcm[i]);
        }
    }

    /**
     * The next {@code count} samples are silence (a gap in the stream). Same result as feeding that many
     * zeros, but once any key has ended and the window holds only zeros the rest is skipped, so a long gap
     * costs at most about {@code WINDOW + END_DELAY} samples of work.
     */
    public void silence(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative silence: " + count);
        }
        while (count > 0 && !quiescent()) {
            push(0);
            count--;
        }
        position += count;
        zeroRun += count;
        sinceHop = (int) (position % HOP);
    }

    /**
     * The stream ends or breaks off (a new source, a jump in time): a key still sounding ends at its last
     * agreeing window, a key not yet confirmed is dropped, and the window is emptied. Later input is analysed
     * as a new stream whose positions continue from {@link #position()}.
     */
    public void finish() {
        candidate = -1;
        candidateWindows = 0;
        Arrays.fill(ring, 0);
        zeroRun = WINDOW + HOP;
        judge.reset();
        if (active >= 0) {
            end();
        }
    }

    /** Samples consumed so far, silence included: the position of the next sample. */
    public long position() {
        return position;
    }

    /** Nothing left to report and the window is silent, so skipping zeros changes nothing. */
    private boolean quiescent() {
        return zeroRun >= WINDOW + HOP && active < 0 && candidate < 0;
    }

    private void push(double sample) {
        ring[ringNext] = sample;
        ringNext = ringNext + 1 == WINDOW ? 0 : ringNext + 1;
        zeroRun = sample == 0 ? zeroRun + 1 : 0;
        position++;
        if (++sinceHop == HOP) {
            sinceHop = 0;
        }
        if (sinceHop == 0 && position >= WINDOW) {
            if (zeroRun >= WINDOW) { // an all-zero window: what the judge would say, without a pass over it
                judge.reset();
                step(-1, position - WINDOW);
                return;
            }
            int tail = WINDOW - ringNext;
            System.arraycopy(ring, ringNext, window, 0, tail);
            System.arraycopy(ring, 0, window, tail, ringNext);
            step(judge.judge(window), position - WINDOW);
        }
    }

    /** The run logic: {@code key} is the verdict on the window starting at {@code start}. */
    private void step(int key, long start) {
        if (active >= 0) {
            if (key == active) {
                lastHit = start;
                misses = 0;
                return;
            }
            misses++;
            if (key < 0 && misses < END_WINDOWS) {
                return;
            }
            end();
        }
        if (key < 0) {
            candidate = -1;
            candidateWindows = 0;
            return;
        }
        if (key == candidate) {
            candidateWindows++;
        } else {
            candidate = key;
            candidateWindows = 1;
            candidateStart = start;
        }
        if (candidateWindows >= CONFIRM_WINDOWS) {
            active = key;
            activeStart = candidateStart;
            lastHit = start;
            misses = 0;
            candidate = -1;
            candidateWindows = 0;
            listener.digitStarted(new DigitEvent(Keypad.key(key / 4, key % 4), activeStart, DigitEvent.ONGOING));
        }
    }

    private void end() {
        char key = Keypad.key(active / 4, active % 4);
        active = -1;
        listener.digitEnded(new DigitEvent(key, activeStart, lastHit + WINDOW));
    }
}
