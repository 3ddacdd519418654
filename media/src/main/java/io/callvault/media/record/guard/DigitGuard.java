package io.callvault.media.record.guard;

import io.callvault.media.dtmf.CardEntry;
import io.callvault.media.dtmf.CardNumberWatcher;
import io.callvault.media.dtmf.DigitEvent;
import io.callvault.media.dtmf.DigitListener;
import io.callvault.media.dtmf.DtmfDetector;
import io.callvault.media.record.FrameSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps keyed digits out of a recording, in front of its {@link RecordingGuard}:
 * <ul>
 *   <li>every in-band DTMF digit on either channel is detected ({@link DtmfDetector}, ITU-T Q.24) and its
 *       audio, with a guard interval on both sides, is masked in the recording — paused or not;</li>
 *   <li>digits of each party (in-band, and out-of-band ones from RFC 4733 or SIP INFO reported through
 *       {@link #outOfBand}) are counted per run: at the {@value #EARLY_RUN_DIGITS}th digit of a run the
 *       recording is paused retroactively from that run's first digit (the delay line still holds it), and
 *       digits keyed within {@link #CARD_WINDOW} after such a run (code, expiry date) are paused as they
 *       come. A pause this guard started ends when no digit has come for {@code resumeAfter}.</li>
 *   <li>when such a pause ends, each party's run is judged by a {@link CardNumberWatcher} (13–19 digits
 *       passing Luhn, or a 3–4-digit code after one), and the pause's reason says what was confirmed.</li>
 * </ul>
 * Pauses started elsewhere (the API, a feature code) are never resumed here. Digits are never logged or
 * kept: segments say "DTMF digit replaced", "digit run that may be card data", {@value #CARD_NUMBER} or
 * {@value #SECURITY_CODE}. Same threading as the recording guard
 * (all methods synchronised; {@code write} from the recorder's thread).
 */
public final class DigitGuard implements FrameSink {
    /** Cut this much before and after a detected tone: the detector's reported edges are within one hop. */
    static final long GUARD_SAMPLES = 2L * DtmfDetector.HOP + 40;
    /** After a card number, any digit within this time (security code, expiry) is card data too. */
    static final long CARD_WINDOW = 30L * 8000;
    /**
     * A run this long may be a card number: pause at once, from its first digit. Judging the whole run (13-19
     * digits and Luhn) only after it ended would come too late for a delay line of a few seconds.
     */
    static final int EARLY_RUN_DIGITS = 6;

    /** The reason of a pause whose run was confirmed as a card number. */
    static final String CARD_NUMBER = "card number keyed (Luhn check passed)";
    /** The reason of a pause whose run was confirmed as a security code after a card number. */
    static final String SECURITY_CODE = "security code keyed after a card number";

    private final RecordingGuard guard;
    /** Per party: judges each run when a pause ends, to label it; holds running sums, never the digits. */
    private final CardNumberWatcher[] watchers = new CardNumberWatcher[2];
    private final long resumeAfter;
    private final DtmfDetector[] detectors = new DtmfDetector[2];
    private final long interDigit;
    private final int[] runDigits = new int[2];
    private final long[] runStart = new long[2];
    private final long[] runLastEnd = {-1, -1};
    /** Until this position, digits of a party follow a card number and are paused as they come. */
    private final long[] cardWindowUntil = {-1, -1};
    /** Caller then callee samples of the frame being written, and the frame as it came (reused). */
    private short[] channel = new short[0];
    private short[] interleaved = new short[0];
    private volatile java.util.function.BiConsumer<Integer, Character> keys = (channel, key) -> { };
    /** Position at which our own card pause ends; -1 when we hold no pause. */
    private long resumeAt = -1;

    /**
     * @param interDigitTimeout a longer gap between digits ends a run (card numbers are keyed in one go)
     * @param resumeAfter       resume a card pause this long after the last digit
     */
    public DigitGuard(RecordingGuard guard, Duration interDigitTimeout, Duration resumeAfter) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.resumeAfter = resumeAfter.toMillis() * 8;
        this.interDigit = interDigitTimeout.toMillis() * 8;
        for (int c = 0; c < 2; c++) {
            watchers[c] = new CardNumberWatcher(interDigitTimeout, entry -> {
                if (resumeAt >= 0) { // only our own pause: one from the API or a feature code keeps its reason
                    guard.relabelPause(entry.kind() == CardEntry.Kind.CARD_NUMBER ? CARD_NUMBER : SECURITY_CODE);
                }
            });
        }
        for (int c = 0; c < 2; c++) {
            int ch = c;
            detectors[c] = new DtmfDetector(new DigitListener() {
                @Override
                public void digitStarted(DigitEvent event) {
                    guard.startMask(ch, event.startSample() - GUARD_SAMPLES, "dtmf");
                    keys.accept(ch, event.digit());
                }

                @Override
                public void digitEnded(DigitEvent event) {
                    guard.endMask(ch, event.endSample() + GUARD_SAMPLES);
                    digit(ch, event.digit(), event.startSample(), event.endSample());
                }
            });
        }
    }

    @Override
    public synchronized void write(ByteBuffer frames) {
        ByteBuffer in = frames.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int samples = in.remaining() / 4;
        if (channel.length < samples * 2) {
            channel = new short[samples * 2];
            interleaved = new short[samples * 2];
        }
        in.asShortBuffer().get(interleaved, 0, samples * 2);
        for (int i = 0; i < samples; i++) {
            channel[i] = interleaved[2 * i];
            channel[samples + i] = interleaved[2 * i + 1];
        }
        guard.write(frames);
        for (int c = 0; c < 2; c++) {
            if (allZero(channel, c * samples, samples)) {
                detectors[c].silence(samples); // same result as the zeros, without per-sample work once quiet
            } else {
                detectors[c].process(channel, c * samples, samples);
            }
        }
        long now = guard.position();
        if (resumeAt >= 0 && now >= resumeAt) {
            endOwnPause();
        }
    }

    /** Ends the pause this guard holds, labelled by what its runs turned out to be. */
    private void endOwnPause() {
        for (CardNumberWatcher w : watchers) {
            w.finish(); // the run as the pause saw it: a longer gap than resumeAfter has ended it
        }
        resumeAt = -1;
        guard.resume("auto");
    }

    private static boolean allZero(short[] pcm, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (pcm[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Also tells {@code listener} of every in-band key as it starts (channel 0 caller, 1 callee), e.g. for an
     * agent's feature codes. Called on the writing thread; must not block.
     */
    public void onInBandKey(java.util.function.BiConsumer<Integer, Character> listener) {
        this.keys = Objects.requireNonNull(listener, "listener");
    }

    /**
     * A key on {@code channel} that a masker upstream already replaced in the audio ({@code samples} long):
     * counted like any key, and listed as a masked segment.
     */
    public synchronized void maskedUpstream(int channel, char key, long samples) {
        guard.noteMaskedUpstream(channel, samples + 2 * GUARD_SAMPLES, "dtmf");
    }

    /** A key pressed on {@code channel} that did not travel as audio (RFC 4733 event, SIP INFO). */
    public synchronized void outOfBand(int channel, char key) {
        long now = guard.position();
        digit(channel, key, now, now + 1);
    }

    private void digit(int ch, char key, long start, long end) {
        if ("0123456789*#ABCD".indexOf(key) >= 0) {
            watchers[ch].digit(key, start, Math.max(start, end));
        }
        boolean isDigit = key >= '0' && key <= '9';
        if (!isDigit || runLastEnd[ch] < 0 || start - runLastEnd[ch] > interDigit) {
            runDigits[ch] = 0;
            runStart[ch] = start;
        }
        if (isDigit) {
            runDigits[ch]++;
            runLastEnd[ch] = end;
        } else {
            runLastEnd[ch] = -1;
        }
        if (!isDigit) {
            return;
        }
        if (runDigits[ch] == EARLY_RUN_DIGITS) {
            pauseFrom(runStart[ch], "digit run that may be card data");
        } else if (start <= cardWindowUntil[ch]) {
            pauseFrom(start, "digits keyed after a card number");
        }
        if (runDigits[ch] >= EARLY_RUN_DIGITS || start <= cardWindowUntil[ch]) {
            cardWindowUntil[ch] = end + CARD_WINDOW;
        }
        if (resumeAt >= 0) {
            resumeAt = Math.max(resumeAt, end + resumeAfter);
        }
    }

    /** Pauses (retroactively) unless already paused; a pause this guard starts it also ends. */
    private void pauseFrom(long start, String reason) {
        if (!guard.isPaused()) {
            guard.pauseFrom(start - GUARD_SAMPLES, "card-number", reason, "auto");
            resumeAt = 0;
        }
    }

    /** Ends detection (a digit still sounding is finished) and then the recording guard. */
    public synchronized void finish() {
        for (int c = 0; c < 2; c++) {
            detectors[c].finish();
        }
        if (resumeAt >= 0) {
            endOwnPause();
        }
        guard.finish();
    }
}
