package io.callvault.media.dtmf;

import io.callvault.media.relay.Leg;
import java.util.Objects;

/**
 * A key pressed on a leg and masked by {@link DtmfMasker}, for counting and card-number detection.
 * {@link #toString()} never shows the key; {@link #digit()} gives it to code that must know it.
 *
 * @param leg    the leg it was keyed on (the packets arrived there)
 * @param source how it was sent
 * @param digit  0–9, *, #, A–D
 * @param start  stream position of the press, samples at 8000 Hz (see {@link DtmfMasker} on positions)
 * @param end    position after it, or {@link DigitEvent#ONGOING} while it is pressed
 */
public record MaskedDigit(Leg leg, Source source, char digit, long start, long end) {
    /** How a key was sent. */
    public enum Source {
        /** As tones in the audio. */
        IN_BAND,
        /** As RFC 4733 telephone-events. */
        RFC_4733
    }

    public MaskedDigit {
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(source, "source");
        if (!Keypad.isKey(digit)) {
            throw new IllegalArgumentException("not a DTMF key: code point " + (int) digit);
        }
        if (end != DigitEvent.ONGOING && end < start) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
    }

    public boolean ongoing() {
        return end == DigitEvent.ONGOING;
    }

    @Override
    public String toString() {
        return "MaskedDigit[leg=" + leg + ", source=" + source + ", digit=<hidden>, start=" + start + ", end="
                + (ongoing() ? "ongoing" : end) + "]";
    }
}
