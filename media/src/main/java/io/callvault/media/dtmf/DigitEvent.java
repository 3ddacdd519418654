package io.callvault.media.dtmf;

/**
 * One key press, where it sits in a stream: {@code [startSample, endSample)} in the positions of whoever
 * reports it (sample index for {@link DtmfDetector}, extended RTP timestamp for {@link Rfc4733Tracker}),
 * 8000 per second.
 *
 * <p>{@link #toString()} never shows the key: card numbers are keyed as digits, and events end up in logs.
 * Code that needs the key calls {@link #digit()}.
 *
 * @param digit       0–9, *, #, A–D
 * @param startSample first position of the key
 * @param endSample   position after the last, or {@link #ONGOING} while it is still pressed
 */
public record DigitEvent(char digit, long startSample, long endSample) {
    /** {@code endSample} of a key that is still pressed. */
    public static final long ONGOING = -1;

    public DigitEvent {
        if (!Keypad.isKey(digit)) {
            throw new IllegalArgumentException("not a DTMF key: code point " + (int) digit);
        }
        if (endSample != ONGOING && endSample < startSample) {
            throw new IllegalArgumentException("end " + endSample + " before start " + startSample);
        }
    }

    public boolean ongoing() {
        return endSample == ONGOING;
    }

    /** This press, ended at {@code end}. */
    public DigitEvent endingAt(long end) {
        return new DigitEvent(digit, startSample, end);
    }

    @Override
    public String toString() {
        return "DigitEvent[digit=<hidden>, start=" + startSample + ", end=" + (ongoing() ? "ongoing" : endSample) + "]";
    }
}
