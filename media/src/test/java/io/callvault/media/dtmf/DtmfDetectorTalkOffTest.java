package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callvault.media.codec.G711;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Noise and speech: keys survive noise, and neither noise nor speech makes keys (talk-off). */
class DtmfDetectorTalkOffTest {

    @ParameterizedTest
    @ValueSource(doubles = {20, 15})
    void everyKeyInWhiteNoise_atSnr_isDetected(double snrDb) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] keys = DtmfDetectorKeysTest.sequence(DtmfDetectorKeysTest.ALL, 40, 40, -20);
            double tonePower = -20 - 20 * Math.log10(2) + 10 * Math.log10(2);
            double[] noisy = Signals.mix(keys, Signals.noise(seed, keys.length, tonePower - snrDb), 0);

            assertThat(Presses.detect(noisy).keys()).as("seed %d", seed).isEqualTo(DtmfDetectorKeysTest.ALL);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -10, -20, -35, -50})
    void whiteNoiseAlone_givesNoKey(double dbfs) {
        double[] noise = Signals.noise(7, 8000 * 20, dbfs);

        assertThat(Presses.detect(noise).keys()).isEmpty();
        assertThat(Presses.detect(Signals.g711RoundTrip(Signals.pcm(noise), G711.ALAW)).keys()).isEmpty();
    }

    @Test
    void speechLikeVowelGlides_giveNoKey() {
        for (long seed = 1; seed <= 5; seed++) {
            double[] speech = Signals.speechLike(seed * 10);
            for (double gain : new double[] {-20, 0, 7}) {
                assertThat(Presses.detect(Signals.scale(speech, gain)).keys()).as("seed %d, %+.0f dB", seed, gain)
                        .isEmpty();
            }
        }
    }

    @Test
    void recordedSpeech_theShippedNotice_givesNoKey() throws IOException {
        short[] notice;
        try (InputStream in = getClass().getResourceAsStream("/io/callvault/media/announce/recording-notice-en.wav")) {
            assertThat(in).as("the shipped recording notice").isNotNull();
            notice = Signals.readWav(in.readAllBytes());
        }

        for (double gain : new double[] {-20, 0, 6}) {
            double[] x = Signals.scale(Signals.real(notice), gain);
            assertThat(Presses.detect(x).keys()).as("%+.0f dB", gain).isEmpty();
            assertThat(Presses.detect(Signals.g711RoundTrip(Signals.pcm(x), G711.ULAW)).keys()).isEmpty();
        }
    }

    @Test
    void recordedSpeech_theHarnessVoices_giveNoKey() throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(HarnessAudio.dir())) {
            s.filter(p -> p.getFileName().toString().matches(".*speech.*\\.wav")).sorted().forEach(files::add);
        }
        assertThat(files).as("the harness's speech recordings").hasSizeGreaterThanOrEqualTo(3);

        for (Path f : files) {
            double[] x = Signals.real(Signals.readWav(f));
            for (double gain : new double[] {-20, 0, 6}) {
                assertThat(Presses.detect(Signals.scale(x, gain)).keys()).as("%s %+.0f dB", f.getFileName(), gain)
                        .isEmpty();
            }
        }
    }

    @Test
    void keysBetweenSpeech_areDetected_andTheSpeechAddsNone() {
        double[] x = Signals.concat(Signals.speechLike(3), Signals.silence(200),
                DtmfDetectorKeysTest.sequence("4111111111111111", 70, 70, -12), Signals.speechLike(4));

        assertThat(Presses.detect(x).keys()).isEqualTo("4111111111111111");
    }
}
