package io.callvault.media.dtmf;

/**
 * The Luhn (mod 10) check of ISO/IEC 7812-1 Annex B, which every payment card number passes: from the
 * rightmost digit (the check digit) leftwards, every second digit is doubled (minus 9 if over 9), and the
 * sum of all must be a multiple of 10.
 */
public final class Luhn {
    private Luhn() {
    }

    /** True if {@code digits} is one or more ASCII digits and passes the check. */
    public static boolean isValid(CharSequence digits) {
        Sum sum = new Sum();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum.add(c - '0');
        }
        return sum.length() > 0 && sum.isValid();
    }

    /**
     * The check digit that makes {@code payload} followed by it valid.
     *
     * @throws IllegalArgumentException if {@code payload} is not all ASCII digits
     */
    public static int checkDigit(CharSequence payload) {
        Sum sum = new Sum();
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a Luhn payload is digits only; position " + i + " is not");
            }
            sum.add(c - '0');
        }
        for (int d = 0; d < 10; d++) {
            Sum trial = sum.copy();
            trial.add(d);
            if (trial.isValid()) {
                return d;
            }
        }
        throw new AssertionError("some check digit always exists");
    }

    /**
     * The check over digits arriving left to right, one at a time, holding two running sums and never the
     * digits (whether a digit is doubled depends on how many follow it, so both ways are kept). Not
     * thread-safe.
     */
    public static final class Sum {
        /** Sum with the digits at even indexes (from the left, 0-based) doubled. */
        private int evenDoubled;
        /** Sum with the digits at odd indexes doubled. */
        private int oddDoubled;
        private int length;

        /** Appends {@code digit} (0–9). */
        public void add(int digit) {
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("a digit is 0 to 9, not " + digit);
            }
            int doubled = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            boolean even = length % 2 == 0;
            evenDoubled = (evenDoubled + (even ? doubled : digit)) % 10;
            oddDoubled = (oddDoubled + (even ? digit : doubled)) % 10;
            length++;
        }

        public int length() {
            return length;
        }

        /** True if the digits so far pass; the rightmost is never doubled, so the parity of the length decides. */
        public boolean isValid() {
            return (length % 2 == 0 ? evenDoubled : oddDoubled) == 0;
        }

        public void clear() {
            evenDoubled = 0;
            oddDoubled = 0;
            length = 0;
        }

        Sum copy() {
            Sum s = new Sum();
            s.evenDoubled = evenDoubled;
            s.oddDoubled = oddDoubled;
            s.length = length;
            return s;
        }
    }
}
