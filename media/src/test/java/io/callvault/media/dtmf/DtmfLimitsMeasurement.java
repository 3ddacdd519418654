package io.callvault.media.dtmf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures where the detector's limits actually fall, for the table in docs/dtmf.md. Not a test (tag
 * {@code benchmark}, excluded from the normal run); it prints, never asserts. Run with
 *
 * <pre>
 * ./mvnw -o -q -pl media test -Dcallvault.test.excludedGroups=none -Dgroups=benchmark \
 *     -Dtest=DtmfLimitsMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * "Always" means at every one of 40 one-sample alignments with the 5 ms window grid (16 keys where the
 * line says so); "never" likewise.
 */
@Tag("benchmark")
class DtmfLimitsMeasurement {
    static final String ALL = DtmfDetectorKeysTest.ALL;

    /** {@code key} alone is detected at every alignment ({@code expected}) or nothing at any ({@code ""}). */
    static boolean everyAlignment(char key, double[] tone, String expected) {
        for (int a = 0; a < 40; a++) {
            double[] x = Signals.concat(Signals.silenceSamples(400 + a), tone, Signals.silence(100));
            if (!Presses.detect(x).keys().equals(expected)) {
                return false;
            }
        }
        return true;
    }

    static boolean always(char key, double[] tone) {
        return everyAlignment(key, tone, String.valueOf(key));
    }

    static boolean never(char key, double[] tone) {
        return everyAlignment(key, tone, "");
    }

    /** The last value of {@code steps} for which {@code holds} is true, walking until it first fails. */
    static double lastHolding(double from, double step, int count, DoubleFunction<Boolean> holds) {
        double last = Double.NaN;
        for (int i = 0; i < count; i++) {
            double v = from + i * step;
            if (!holds.apply(v)) {
                break;
            }
            last = v;
        }
        return last;
    }

    @Test
    void frequencyDeviation() {
        for (int idx = 0; idx < 8; idx++) {
            char key = DtmfDetectorLimitsTest.keyOf(idx);
            int i = idx;
            double up = lastHolding(0, 0.05, 81, p -> always(key, DtmfDetectorLimitsTest.offTone(i, p, 50)));
            double down = lastHolding(0, 0.05, 81, p -> always(key, DtmfDetectorLimitsTest.offTone(i, -p, 50)));
            double upNever = lastHolding(4, -0.05, 81, p -> never(key, DtmfDetectorLimitsTest.offTone(i, p, 100)));
            double downNever = lastHolding(4, -0.05, 81, p -> never(key, DtmfDetectorLimitsTest.offTone(i, -p, 100)));
            int hz = idx < 4 ? Keypad.ROW_HZ[idx] : Keypad.COLUMN_HZ[idx - 4];
            System.out.printf("%4d Hz: always within -%.2f/+%.2f %%, never beyond -%.2f/+%.2f %%%n", hz, down, up,
                    downNever, upNever);
        }
    }

    @Test
    void duration() {
        double always = lastHolding(330, -1, 180, n -> ALL.chars().allMatch(k -> always((char) k,
                Signals.key((char) k, n / 8.0, -10))));
        double never = lastHolding(150, 1, 180, n -> ALL.chars().allMatch(k -> never((char) k,
                Signals.key((char) k, n / 8.0, -3))));
        System.out.printf("duration, 16 keys: never up to %.0f samples (%.3f ms), always from %.0f (%.3f ms)%n", never,
                never / 8, always, always / 8);
    }

    @Test
    void twist() {
        double forward = lastHolding(0, 0.1, 120, t -> ALL.chars().allMatch(k -> always((char) k,
                DtmfDetectorLimitsTest.twisted((char) k, t, 50))));
        double forwardNever = lastHolding(12, -0.1, 120, t -> ALL.chars().allMatch(k -> never((char) k,
                DtmfDetectorLimitsTest.twisted((char) k, t, 100))));
        double reverse = lastHolding(0, 0.1, 140, t -> ALL.chars().allMatch(k -> always((char) k,
                DtmfDetectorLimitsTest.twisted((char) k, -t, 50))));
        double reverseNever = lastHolding(14, -0.1, 140, t -> ALL.chars().allMatch(k -> never((char) k,
                DtmfDetectorLimitsTest.twisted((char) k, -t, 100))));
        System.out.printf("twist, 16 keys: forward always to %.1f dB, never from %.1f; reverse always to %.1f, never from %.1f%n",
                forward, forwardNever, reverse, reverseNever);
    }

    @Test
    void level() {
        double always = lastHolding(-20, -0.25, 160, l -> ALL.chars().allMatch(k -> always((char) k,
                Signals.pair(Signals.rowHz((char) k), Signals.columnHz((char) k), 50, l, l))));
        double never = lastHolding(-60, 0.25, 160, l -> ALL.chars().allMatch(k -> never((char) k,
                Signals.pair(Signals.rowHz((char) k), Signals.columnHz((char) k), 100, l, l))));
        System.out.printf("level per tone, 16 keys: always down to %.2f dBFS, never at or below %.2f dBFS%n", always, never);
    }

    @Test
    void whiteNoise() {
        for (int snr = 12; snr >= 6; snr--) {
            int exact = 0;
            for (long seed = 1; seed <= 20; seed++) {
                double[] keys = DtmfDetectorKeysTest.sequence(ALL, 40, 40, -20);
                double twoTones = -20 - 20 * Math.log10(2) + 10 * Math.log10(2);
                double[] noisy = Signals.mix(keys, Signals.noise(seed, keys.length, twoTones - snr), 0);
                if (Presses.detect(noisy).keys().equals(ALL)) {
                    exact++;
                }
            }
            System.out.printf("SNR %d dB: %d of 20 runs of 16 keys (40 ms, 40 ms gaps) exact%n", snr, exact);
        }
    }

    @Test
    void talkOff() throws IOException, InterruptedException {
        List<double[]> corpus = new ArrayList<>();
        if (Files.isDirectory(HarnessAudio.dir())) {
            try (Stream<Path> s = Files.list(HarnessAudio.dir())) {
                for (Path f : s.filter(p -> p.toString().contains("speech")).sorted().toList()) {
                    corpus.add(Signals.real(Signals.readWav(f)));
                }
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/io/callvault/media/announce/recording-notice-en.wav")) {
            corpus.add(Signals.real(Signals.readWav(in.readAllBytes())));
        }
        for (long s = 1; s <= 20; s++) {
            corpus.add(Signals.speechLike(s * 10));
        }
        Map<ToneWindow.Verdict, Integer> verdicts = new EnumMap<>(ToneWindow.Verdict.class);
        double seconds = 0;
        for (double gain : new double[] {-20, 0, 6}) {
            for (double[] x : corpus) {
                ToneWindow w = new ToneWindow();
                double[] y = Signals.real(Signals.pcm(Signals.scale(x, gain)));
                seconds += y.length / 8000.0;
                for (int s = 0; s + ToneWindow.WINDOW <= y.length; s += ToneWindow.HOP) {
                    w.judge(Arrays.copyOfRange(y, s, s + ToneWindow.WINDOW));
                    verdicts.merge(w.verdict(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("talk-off: %.1f s of speech (%d inputs at -20, 0, +6 dB): windows by verdict %s%n", seconds,
                corpus.size(), verdicts);
    }

    @Test
    void cost() {
        short[] pcm = Signals.pcm(Signals.concat(Signals.speechLike(1), DtmfDetectorKeysTest.sequence(ALL, 50, 50, -10)));
        DtmfDetector d = new DtmfDetector(new Presses());
        for (int i = 0; i < 200; i++) {
            d.process(pcm, 0, pcm.length);
        }
        int reps = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            d.process(pcm, 0, pcm.length);
        }
        double ns = (System.nanoTime() - t0) / (double) reps / pcm.length;
        System.out.printf("detector: %.1f ns per sample, %.3f %% of a core per direction%n", ns, ns * 8000 / 1e7);
    }
}
