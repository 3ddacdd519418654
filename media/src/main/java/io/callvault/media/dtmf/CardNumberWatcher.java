package io.callvault.media.dtmf;

import java.time.Duration;
import java.util.Objects;

/**
 * Watches the keys of one party for card data: a run of digits ends at a non-digit key (*, #, A–D), or
 * when the next digit starts more than the inter-digit timeout after the previous one ended, or when
 * {@link #advance} or {@link #finish} says so. When a run ends it is reported if it is
 * <ul>
 *   <li>13–19 digits passing {@link Luhn}: {@link CardEntry.Kind#CARD_NUMBER};</li>
 *   <li>3–4 digits and the last non-empty run before it was a card number or such a run:
 *       {@link CardEntry.Kind#SECURITY_CODE} (so an expiry date and then a security code after a card
 *       number are both reported).</li>
 * </ul>
 * Anything else (12 digits, a Luhn failure, a 5-digit run) is not reported and breaks the chain after a
 * card number. Runs are judged when they end, because a 16-digit number has a 13-digit prefix that may
 * pass the check by chance.
 *
 * <p>The watcher holds two running Luhn sums and a count, never the digits. Positions are whatever the
 * digits are reported in (stream samples at 8000 per second for {@link DtmfMasker}), non-decreasing; it has
 * no clock. Not thread-safe.
 */
public final class CardNumberWatcher {
    public static final int MIN_CARD_DIGITS = 13;
    public static final int MAX_CARD_DIGITS = 19;

    private final long timeout;
    private final CardEntryListener listener;
    private final Luhn.Sum sum = new Luhn.Sum();
    private boolean running;
    private long firstStart;
    private long firstEnd;
    private long lastEnd;
    private boolean afterCard;

    /**
     * @param interDigitTimeout longest pause between one digit's end and the next one's start within a run,
     *                          positive, counted at 8000 positions per second
     * @param listener          told of each run that looks like card data
     */
    public CardNumberWatcher(Duration interDigitTimeout, CardEntryListener listener) {
        if (interDigitTimeout.isNegative() || interDigitTimeout.isZero()) {
            throw new IllegalArgumentException("the inter-digit timeout must be positive, not " + interDigitTimeout);
        }
        this.timeout = interDigitTimeout.toNanos() / 125_000;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * One key press, in order.
     *
     * @param key   0–9, *, #, A–D
     * @param start its start position
     * @param end   its end position, not before {@code start}
     */
    public void digit(char key, long start, long end) {
        if (!Keypad.isKey(key)) {
            throw new IllegalArgumentException("not a DTMF key: code point " + (int) key);
        }
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
        advance(start);
        if (key < '0' || key > '9') {
            endRun();
            return;
        }
        if (!running) {
            running = true;
            sum.clear();
            firstStart = start;
            firstEnd = end;
        }
        sum.add(key - '0');
        lastEnd = end;
    }

    /** Time has reached {@code position}: a run whose last digit ended more than the timeout before ends. */
    public void advance(long position) {
        if (running && position - lastEnd > timeout) {
            endRun();
        }
    }

    /** No more keys: the current run ends. */
    public void finish() {
        endRun();
    }

    private void endRun() {
        if (!running) {
            return;
        }
        running = false;
        int n = sum.length();
        CardEntry.Kind kind = null;
        if (n >= MIN_CARD_DIGITS && n <= MAX_CARD_DIGITS && sum.isValid()) {
            kind = CardEntry.Kind.CARD_NUMBER;
        } else if (afterCard && (n == 3 || n == 4)) {
            kind = CardEntry.Kind.SECURITY_CODE;
        }
        afterCard = kind != null;
        sum.clear();
        if (kind != null) {
            listener.keyed(new CardEntry(kind, n, firstStart, firstEnd, lastEnd));
        }
    }
}
