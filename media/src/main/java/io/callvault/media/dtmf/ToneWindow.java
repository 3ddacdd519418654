package io.callvault.media.dtmf;

import java.util.Arrays;

/**
 * Judges one analysis window of {@link DtmfDetector}: {@link #WINDOW} samples, Hann-weighted, Goertzel at
 * the eight DTMF frequencies. Returns the key whose row and column tones pass every check, in this order:
 *
 * <ol>
 *   <li><b>dominance</b>: the strongest row is {@value #MIN_DOMINANCE_DB} dB above each other row, the
 *       strongest column likewise (raw powers);</li>
 *   <li><b>frequency</b>: each tone is within {@code ±MAX_DEVIATION} (2.5 %) of nominal, measured from the
 *       phase advance of its Goertzel output since the previous window, {@link #HOP} samples earlier;</li>
 *   <li><b>level</b>: each tone, corrected for the window's attenuation at the measured offset, at least
 *       {@value #MIN_TONE_DBFS} dBFS (a full-scale sine is 0 dBFS);</li>
 *   <li><b>twist</b>: column tone at most {@value #MAX_FORWARD_TWIST_DB} dB above the row tone (forward)
 *       and at most {@value #MAX_REVERSE_TWIST_DB} dB below it (reverse);</li>
 *   <li><b>purity</b>: the two corrected tone powers are at least {@code MIN_PURITY} (80 %) of the window's
 *       power. This is the speech check: voiced speech spreads its energy over many harmonics, and any
 *       energy at twice a tone frequency counts against it, so no separate second-harmonic filter is used
 *       (one at 2 × 697 Hz would sit 58 Hz from the 1336 Hz column and trip on a genuine "2").</li>
 * </ol>
 *
 * Keeps the previous window's Goertzel outputs for the frequency check; a silent window leaves zeros, as
 * does a new instance, so the first window after silence never passes (its tone has no reference).
 * Not thread-safe.
 */
final class ToneWindow {
    static final int WINDOW = 160;
    static final int HOP = 40;
    static final int SAMPLE_RATE = 8000;

    static final double MIN_TONE_DBFS = -45;
    static final double MAX_FORWARD_TWIST_DB = 6;
    static final double MAX_REVERSE_TWIST_DB = 9;
    static final double MIN_DOMINANCE_DB = 6;
    static final double MAX_DEVIATION = 0.025;
    static final double MIN_PURITY = 0.8;

    /** Why a window was or was not a key; for tests and the measurements in docs/dtmf.md. */
    enum Verdict { KEY, SILENT, DOMINANCE, FREQUENCY, LEVEL, TWIST, PURITY }

    private static final double FULL_SCALE_POWER = 32767.0 * 32767.0 / 2;
    private static final double MIN_POWER = FULL_SCALE_POWER * Math.pow(10, MIN_TONE_DBFS / 10);
    private static final double FORWARD = Math.pow(10, MAX_FORWARD_TWIST_DB / 10);
    private static final double REVERSE = Math.pow(10, MAX_REVERSE_TWIST_DB / 10);
    private static final double DOMINANCE = Math.pow(10, MIN_DOMINANCE_DB / 10);

    private static final double[] HANN = new double[WINDOW];
    private static final double SUM_W;
    private static final double SUM_W2;
    private static final double[] HZ = new double[8];
    private static final double[] COS = new double[8];
    private static final double[] SIN = new double[8];
    private static final double[] COEFF = new double[8];

    static {
        double w = 0;
        double w2 = 0;
        for (int n = 0; n < WINDOW; n++) {
            double s = Math.sin(Math.PI * (n + 0.5) / WINDOW);
            HANN[n] = s * s;
            w += HANN[n];
            w2 += HANN[n] * HANN[n];
        }
        SUM_W = w;
        SUM_W2 = w2;
        for (int k = 0; k < 8; k++) {
            HZ[k] = k < 4 ? Keypad.ROW_HZ[k] : Keypad.COLUMN_HZ[k - 4];
            COS[k] = Math.cos(2 * Math.PI * HZ[k] / SAMPLE_RATE);
            SIN[k] = Math.sin(2 * Math.PI * HZ[k] / SAMPLE_RATE);
            COEFF[k] = 2 * COS[k];
        }
    }

    private final double[] weighted = new double[WINDOW];
    private final double[] re = new double[8];
    private final double[] im = new double[8];
    private final double[] power = new double[8];
    private final double[] s1 = new double[8];
    private final double[] s2 = new double[8];
    private final double[] prevRe = new double[8];
    private final double[] prevIm = new double[8];
    private Verdict verdict = Verdict.SILENT;
    /** The previous window's outputs are all zero (a new instance, or reset since the last judged window). */
    private boolean forgotten = true;

    /**
     * @param samples {@link #WINDOW} samples, oldest first; only read
     * @return the key index {@code 4 * row + column}, or -1
     */
    int judge(double[] samples) {
        double energy = 0;
        for (int n = 0; n < WINDOW; n++) {
            double y = samples[n] * HANN[n];
            weighted[n] = y;
            energy += y * y;
        }
        if (energy == 0) {
            reset();
            return -1;
        }
        goertzel();
        int key = judge(argmax(0), argmax(4), energy / SUM_W2);
        System.arraycopy(re, 0, prevRe, 0, 8);
        System.arraycopy(im, 0, prevIm, 0, 8);
        forgotten = false;
        return key;
    }

    /** Forgets the previous window, as after silence. */
    void reset() {
        if (!forgotten) { // silence comes in long runs: clear once
            Arrays.fill(prevRe, 0);
            Arrays.fill(prevIm, 0);
            forgotten = true;
        }
        verdict = Verdict.SILENT;
    }

    Verdict verdict() {
        return verdict;
    }

    private int judge(int row, int column, double windowPower) {
        if (!dominates(row, 0) || !dominates(column, 4)) {
            return reject(Verdict.DOMINANCE);
        }
        double rowOffset = offsetHz(row);
        double columnOffset = offsetHz(column);
        if (Math.abs(rowOffset) > MAX_DEVIATION * HZ[row] || Math.abs(columnOffset) > MAX_DEVIATION * HZ[column]) {
            return reject(Verdict.FREQUENCY);
        }
        double rowPower = power[row] / square(gain(rowOffset));
        double columnPower = power[column] / square(gain(columnOffset));
        if (rowPower < MIN_POWER || columnPower < MIN_POWER) {
            return reject(Verdict.LEVEL);
        }
        if (columnPower > rowPower * FORWARD || rowPower > columnPower * REVERSE) {
            return reject(Verdict.TWIST);
        }
        if (rowPower + columnPower < MIN_PURITY * windowPower) {
            return reject(Verdict.PURITY);
        }
        verdict = Verdict.KEY;
        return 4 * row + column - 4;
    }

    private int reject(Verdict why) {
        verdict = why;
        return -1;
    }

    /**
     * Goertzel over the weighted window at all eight frequencies in one pass (the eight recurrences are
     * independent, so they pipeline): the DFT at HZ[k] up to a phase factor that is the same in every window.
     */
    private void goertzel() {
        // the eight states live in locals (registers), not arrays: the same arithmetic in the same order as
        // s0 = y + COEFF[k]·s1[k] − s2[k], so results are bit-identical, at a fraction of the memory traffic
        final double c0 = COEFF[0];
        final double c1 = COEFF[1];
        final double c2 = COEFF[2];
        final double c3 = COEFF[3];
        final double c4 = COEFF[4];
        final double c5 = COEFF[5];
        final double c6 = COEFF[6];
        final double c7 = COEFF[7];
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0; // s1[k]
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0; // s2[k]
        for (int n = 0; n < WINDOW; n++) {
            double y = weighted[n];
            double t;
            t = y + c0 * a0 - b0; b0 = a0; a0 = t;
            t = y + c1 * a1 - b1; b1 = a1; a1 = t;
            t = y + c2 * a2 - b2; b2 = a2; a2 = t;
            t = y + c3 * a3 - b3; b3 = a3; a3 = t;
            t = y + c4 * a4 - b4; b4 = a4; a4 = t;
            t = y + c5 * a5 - b5; b5 = a5; a5 = t;
            t = y + c6 * a6 - b6; b6 = a6; a6 = t;
            t = y + c7 * a7 - b7; b7 = a7; a7 = t;
        }
        s1[0] = a0; s1[1] = a1; s1[2] = a2; s1[3] = a3; s1[4] = a4; s1[5] = a5; s1[6] = a6; s1[7] = a7;
        s2[0] = b0; s2[1] = b1; s2[2] = b2; s2[3] = b3; s2[4] = b4; s2[5] = b5; s2[6] = b6; s2[7] = b7;
        for (int k = 0; k < 8; k++) {
            re[k] = s1[k] - COS[k] * s2[k];
            im[k] = SIN[k] * s2[k];
            power[k] = 2 * (re[k] * re[k] + im[k] * im[k]) / (SUM_W * SUM_W);
        }
    }

    private int argmax(int from) {
        int best = from;
        for (int k = from + 1; k < from + 4; k++) {
            if (power[k] > power[best]) {
                best = k;
            }
        }
        return best;
    }

    private boolean dominates(int k, int from) {
        for (int i = from; i < from + 4; i++) {
            if (i != k && power[k] < DOMINANCE * power[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Frequency of the tone near HZ[k] minus HZ[k]: its phase advances by (ω + Δ)·HOP between windows HOP
     * apart, so Δ is the phase step less ω·HOP, wrapped. Unambiguous within ±SAMPLE_RATE / (2·HOP) = ±100 Hz.
     */
    private double offsetHz(int k) {
        double cr = re[k] * prevRe[k] + im[k] * prevIm[k];
        double ci = im[k] * prevRe[k] - re[k] * prevIm[k];
        double step = Math.atan2(ci, cr) - 2 * Math.PI * HZ[k] * HOP / SAMPLE_RATE;
        step -= 2 * Math.PI * Math.floor((step + Math.PI) / (2 * Math.PI));
        return step * SAMPLE_RATE / (2 * Math.PI * HOP);
    }

    /** Amplitude response of the Hann-weighted Goertzel to a tone {@code offsetHz} from its frequency (1 at 0). */
    private static double gain(double offsetHz) {
        double theta = 2 * Math.PI * offsetHz / SAMPLE_RATE;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double pr = 1;
        double pi = 0;
        double sr = 0;
        double si = 0;
        for (int n = 0; n < WINDOW; n++) {
            sr += HANN[n] * pr;
            si += HANN[n] * pi;
            double t = pr * c - pi * s;
            pi = pr * s + pi * c;
            pr = t;
        }
        return Math.hypot(sr, si) / SUM_W;
    }

    private static double square(double x) {
        return x * x;
    }
}
