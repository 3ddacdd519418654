package io.callvault.media.dtmf;

/**
 * Told of each key a {@link DtmfMasker} masks: once when it starts, once when it ends, on the masker's
 * thread (the relay's event loop), so it must not block. A key sent both in-band and as RFC 4733 events is
 * reported once, by whichever source reported it first. An exception is logged (without the key) and
 * counted; masking goes on.
 */
public interface MaskedDigitListener {
    /** {@code digit.end()} is {@link DigitEvent#ONGOING}. */
    void digitStarted(MaskedDigit digit);

    void digitEnded(MaskedDigit digit);

    /** Ignores everything: for a masker whose keys nobody counts. */
    MaskedDigitListener NONE = new MaskedDigitListener() {
        @Override
        public void digitStarted(MaskedDigit digit) {
        }

        @Override
        public void digitEnded(MaskedDigit digit) {
        }
    };
}
