package io.callvault.media.dtmf;

/**
 * Told when a key press starts and ends. Called on the thread that feeds the reporter, in stream order:
 * every {@code digitStarted} is followed by exactly one {@code digitEnded} for the same press before the
 * next {@code digitStarted}. An exception propagates to the caller of the reporter's feeding method; the
 * reporter's state has already moved on, so the event is not repeated.
 */
public interface DigitListener {
    /** {@code event.endSample()} is {@link DigitEvent#ONGOING}. */
    void digitStarted(DigitEvent event);

    /** The same press with its end. */
    void digitEnded(DigitEvent event);
}
