package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key, at nominal frequencies, across levels, short tones and gaps, G.711, and chunking. */
class DtmfDetectorKeysTest {
    static final String ALL = "123A456B789C*0#D";

    /** {@code keys} as tones of {@code toneMs} with {@code gapMs} between, after 100 ms of silence. */
    static double[] sequence(String keys, double toneMs, double gapMs, double peakDbfs) {
        List<double[]> parts = new ArrayList<>();
        parts.add(Signals.silence(100));
        for (char k : keys.toCharArray()) {
            parts.add(Signals.key(k, toneMs, peakDbfs));
            parts.add(Signals.silence(gapMs));
        }
        parts.add(Signals.silence(100));
        return Signals.concat(parts.toArray(double[][]::new));
    }

    @ParameterizedTest(name = "{0} dBFS peak, {1} ms tones, {2} ms gaps")
    @CsvSource({"-3, 40, 40", "-3, 50, 40", "-10, 40, 40", "-10, 50, 40", "-20, 40, 40", "-20, 50, 40",
            "-25, 40, 40", "-25, 50, 40", "-25, 100, 100"})
    void everyKey_atLevelAndTiming_isDetectedOnce(double peakDbfs, double toneMs, double gapMs) {
        Presses p = Presses.detect(sequence(ALL, toneMs, gapMs, peakDbfs));

        assertThat(p.keys()).isEqualTo(ALL);
        assertThat(p.ended).hasSize(16);
    }

    @Test
    void repeatedKey_withFortyMsGaps_isSixteenPresses() {
        Presses p = Presses.detect(sequence("4111111111111111", 40, 40, -10));

        assertThat(p.keys()).isEqualTo("4111111111111111");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 13, 20, 39})
    void reportedRange_containsTheTone_withinSixMsEachSide(int offset) {
        int t0 = 800 + offset;
        int length = Signals.samples(60);
        double[] x = Signals.concat(Signals.silenceSamples(t0), Signals.key('5', 60, -10), Signals.silence(100));

        Presses p = Presses.detect(x);

        assertThat(p.ended).hasSize(1);
        DigitEvent e = p.ended.getFirst();
        assertThat(e.startSample()).isBetween(t0 - 48L, (long) t0);
        assertThat(e.endSample()).isBetween((long) t0 + length, t0 + length + 48L);
    }

    @Test
    void startAndEnd_areReportedAfterTheDocumentedDelays() {
        double[] x = Signals.concat(Signals.silence(100), Signals.key('9', 100, -10), Signals.silence(200));
        short[] pcm = Signals.pcm(x);
        List<Long> calls = new ArrayList<>();
        DtmfDetector[] holder = new DtmfDetector[1];
        DigitListener timing = new DigitListener() {
            @Override
            public void digitStarted(DigitEvent event) {
                calls.add(holder[0].position() - event.startSample());
            }

            @Override
            public void digitEnded(DigitEvent event) {
                calls.add(holder[0].position() - event.endSample());
            }
        };
        holder[0] = new DtmfDetector(timing);

        holder[0].process(pcm, 0, pcm.length);

        assertThat(calls).containsExactly((long) DtmfDetector.CONFIRMATION_DELAY, (long) DtmfDetector.END_DELAY);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void g711RoundTrip_ofEveryKey_isStillDetected(G711 law) {
        for (double level : new double[] {-3, -25}) {
            short[] coded = Signals.g711RoundTrip(Signals.pcm(sequence(ALL, 40, 40, level)), law);

            assertThat(Presses.detect(coded).keys()).as("%s at %s dBFS", law, level).isEqualTo(ALL);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 80, 160, 333})
    void anyChunking_givesTheSameEvents(int chunk) {
        short[] pcm = Signals.pcm(sequence("0#7", 50, 40, -12));
        Presses whole = Presses.detect(pcm);
        Presses pieces = new Presses();
        DtmfDetector d = new DtmfDetector(pieces);

        for (int at = 0; at < pcm.length; at += chunk) {
            d.process(pcm, at, Math.min(chunk, pcm.length - at));
        }
        d.finish();

        assertThat(pieces.started).isEqualTo(whole.started);
        assertThat(pieces.ended).isEqualTo(whole.ended);
    }

    @Test
    void silence_isTheSameAsFeedingZeros_andSkipsLongGaps() {
        short[] tone = Signals.pcm(Signals.concat(Signals.silence(30), Signals.key('7', 80, -10)));
        Presses fed = new Presses();
        DtmfDetector a = new DtmfDetector(fed);
        Presses skipped = new Presses();
        DtmfDetector b = new DtmfDetector(skipped);

        a.process(tone, 0, tone.length);
        short[] zeros = new short[80_013];
        a.process(zeros, 0, zeros.length);
        a.process(tone, 0, tone.length);
        b.process(tone, 0, tone.length);
        b.silence(zeros.length);
        b.process(tone, 0, tone.length);

        assertThat(skipped.started).isEqualTo(fed.started).hasSize(2);
        assertThat(skipped.ended).isEqualTo(fed.ended);
        assertThat(b.position()).isEqualTo(a.position());
    }

    @Test
    void finish_endsAKeyStillSounding_atItsLastWindow() {
        short[] pcm = Signals.pcm(Signals.concat(Signals.silence(50), Signals.key('D', 200, -10)));
        Presses p = new Presses();
        DtmfDetector d = new DtmfDetector(p);

        d.process(pcm, 0, pcm.length);
        assertThat(p.started).hasSize(1);
        assertThat(p.ended).isEmpty();
        d.finish();

        assertThat(p.ended).hasSize(1);
        assertThat(p.ended.getFirst().endSample()).isLessThanOrEqualTo(pcm.length);
    }

    @Test
    void events_neverShowTheKey() {
        DigitEvent e = new DigitEvent('4', 10, DigitEvent.ONGOING);

        assertThat(e.toString()).doesNotContain("4").contains("hidden");
        assertThat(e.endingAt(20).toString()).doesNotContain("4");
        assertThat(e.digit()).isEqualTo('4');
    }
}
