package io.callvault.media.dtmf;

/**
 * The sixteen DTMF keys (ITU-T Q.23): each is one frequency of the low (row) group plus one of the high
 * (column) group, and RFC 4733 §3.2 gives each an event code (0–9, {@code *} 10, {@code #} 11, A–D 12–15).
 */
final class Keypad {
    /** Low group, rows top to bottom, Hz. */
    static final int[] ROW_HZ = {697, 770, 852, 941};
    /** High group, columns left to right, Hz. */
    static final int[] COLUMN_HZ = {1209, 1336, 1477, 1633};

    /** Row-major: {@code LAYOUT.charAt(4 * row + column)}. */
    private static final String LAYOUT = "123A456B789C*0#D";
    /** By RFC 4733 event code. */
    private static final String EVENTS = "0123456789*#ABCD";

    private Keypad() {
    }

    static char key(int row, int column) {
        return LAYOUT.charAt(4 * row + column);
    }

    /** The key of RFC 4733 event {@code event}, or 0 for events that are not DTMF keys (flash, others). */
    static char ofEvent(int event) {
        return event >= 0 && event < EVENTS.length() ? EVENTS.charAt(event) : 0;
    }

    /** True for 0–9, *, # and A–D (upper case only). */
    static boolean isKey(char key) {
        return LAYOUT.indexOf(key) >= 0;
    }

    static int row(char key) {
        return index(key) / 4;
    }

    static int column(char key) {
        return index(key) % 4;
    }

    private static int index(char key) {
        int i = LAYOUT.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key");
        }
        return i;
    }
}
