package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ITU-T Q.24 edges: frequency deviation (operate within 1.5 %, not at 3.5 %), duration (operate at 40
 * ms, not under 23 ms), twist (operate at 4 dB forward, 8 dB reverse), pause and interruption, level.
 * Every case is run at each of eight offsets against the detector's 5 ms window grid, so no alignment
 * happens to help.
 */
class DtmfDetectorLimitsTest {
    static final int[] ALIGNMENTS = {0, 5, 10, 15, 20, 25, 30, 35};

    /** How many presses of {@code key}, and of nothing else, are detected in each alignment of {@code tone}. */
    static int[] pressesOf(char key, double[] tone) {
        int[] counts = new int[ALIGNMENTS.length];
        for (int i = 0; i < ALIGNMENTS.length; i++) {
            double[] x = Signals.concat(Signals.silenceSamples(400 + ALIGNMENTS[i]), tone, Signals.silence(100));
            String keys = Presses.detect(x).keys();
            assertThat(keys.replace(String.valueOf(key), "")).as("other keys").isEmpty();
            counts[i] = keys.length();
        }
        return counts;
    }

    static IntStream frequencies() {
        return IntStream.range(0, 8);
    }

    /** Frequency {@code index} (rows then columns) off by {@code percent}, paired with a nominal tone. */
    static double[] offTone(int index, double percent, double ms) {
        char key = index < 4 ? Keypad.key(index, 1) : Keypad.key(2, index - 4);
        double row = Signals.rowHz(key);
        double column = Signals.columnHz(key);
        if (index < 4) {
            row *= 1 + percent / 100;
        } else {
            column *= 1 + percent / 100;
        }
        return Signals.pair(row, column, ms, -16, -16);
    }

    static char keyOf(int index) {
        return index < 4 ? Keypad.key(index, 1) : Keypad.key(2, index - 4);
    }

    @ParameterizedTest
    @MethodSource("frequencies")
    void tonesWithinOnePointFivePercent_areDetected(int index) {
        for (double percent : new double[] {-1.5, 1.5}) {
            assertThat(pressesOf(keyOf(index), offTone(index, percent, 50))).as("%+.1f %%", percent)
                    .containsOnly(1);
        }
    }

    @ParameterizedTest
    @MethodSource("frequencies")
    void tonesThreePointFivePercentOff_areRejected(int index) {
        for (double percent : new double[] {-3.5, 3.5}) {
            assertThat(pressesOf(keyOf(index), offTone(index, percent, 100))).as("%+.1f %%", percent)
                    .containsOnly(0);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {40, 45, 60})
    void tonesOfFortyMsOrMore_areDetectedOnce(double ms) {
        for (char key : DtmfDetectorKeysTest.ALL.toCharArray()) {
            assertThat(pressesOf(key, Signals.key(key, ms, -10))).as("key %s", key).containsOnly(1);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 15, 20, 22, 22.875})
    void tonesUnderTwentyThreeMs_areRejected(double ms) {
        for (char key : DtmfDetectorKeysTest.ALL.toCharArray()) {
            assertThat(pressesOf(key, Signals.key(key, ms, -3))).as("key %s", key).containsOnly(0);
        }
    }

    /** Twist in dB: positive is forward (column louder), negative reverse (row louder); the louder at -10. */
    static double[] twisted(char key, double twistDb, double ms) {
        double row = -10 - Math.max(twistDb, 0);
        double column = -10 + Math.min(twistDb, 0);
        return Signals.pair(Signals.rowHz(key), Signals.columnHz(key), ms, row, column);
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 5, -8, -8.5})
    void twistWithinLimits_isDetected(double twistDb) {
        for (char key : "1593D*".toCharArray()) {
            assertThat(pressesOf(key, twisted(key, twistDb, 50))).as("key %s", key).containsOnly(1);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {7, 8, 10, -10, -12})
    void twistBeyondLimits_isRejected(double twistDb) {
        for (char key : "1593D*".toCharArray()) {
            assertThat(pressesOf(key, twisted(key, twistDb, 100))).as("key %s", key).containsOnly(0);
        }
    }

    @ParameterizedTest
    @CsvSource({"4, 1.5", "4, -1.5", "-8, 1.5", "-8, -1.5"})
    void twistAtLimit_andFrequencyOff_throughMuLaw_isDetected(double twistDb, double percent) {
        for (char key : "1593D*".toCharArray()) {
            double row = -22 - Math.max(twistDb, 0);
            double column = -22 + Math.min(twistDb, 0);
            double[] tone = Signals.pair(Signals.rowHz(key) * (1 + percent / 100),
                    Signals.columnHz(key) * (1 - percent / 100), 40, row, column);
            double[] coded = Signals.real(Signals.g711RoundTrip(Signals.pcm(tone), G711.ULAW));
            assertThat(pressesOf(key, coded)).as("key %s", key).containsOnly(1);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-30, -40, -42})
    void eachToneAtOrAboveMinusFortyTwoDbfs_isDetected(double toneDbfs) {
        double[] tone = Signals.pair(852, 1336, 50, toneDbfs, toneDbfs);
        assertThat(pressesOf('8', tone)).containsOnly(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-48, -55})
    void tonesBelowMinusFortyFiveDbfs_areNotDetected(double toneDbfs) {
        double[] tone = Signals.pair(852, 1336, 100, toneDbfs, toneDbfs);
        assertThat(pressesOf('8', tone)).containsOnly(0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 5, 10})
    void interruptionOfTenMsOrLess_doesNotSplitAKey(double ms) {
        double[] broken = Signals.concat(Signals.key('6', 60, -10), Signals.silence(ms), Signals.key('6', 60, -10));
        assertThat(pressesOf('6', broken)).containsOnly(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {40, 50})
    void pauseOfFortyMs_separatesTwoPressesOfOneKey(double ms) {
        double[] two = Signals.concat(Signals.key('6', 40, -10), Signals.silence(ms), Signals.key('6', 40, -10));
        assertThat(pressesOf('6', two)).containsOnly(2);
    }
}
