package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callvault.media.codec.G711;
import io.callvault.media.relay.Leg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check with a decoder we did not write: multimon-ng (Debian package multimon-ng,
 * installed by scripts/install-test-deps.sh) decodes the keys from what the phone sent, and none from what
 * the masker forwards. Skipped only where multimon-ng is not installed.
 */
class DtmfMaskerMultimonTest {
    @TempDir
    Path temp;

    @Test
    void cardCall_muLaw_multimonDecodesTheInput_andNothingFromTheMaskedOutput() throws Exception {
        short[] call = DtmfMaskerTest.cardCall();
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP)
                .offer(new Phone(G711.ULAW, 1).audio(call));

        assertThat(multimon("in.wav", Signals.g711RoundTrip(call, G711.ULAW)))
                .isEqualTo(DtmfMaskerTest.CARD + DtmfMaskerTest.CVV);
        assertThat(multimon("out.wav", run.pcm())).isEmpty();
    }

    @Test
    void cardCall_aLawWithToneReplacement_multimonDecodesNothing() throws Exception {
        short[] call = DtmfMaskerTest.cardCall();
        MaskSettings settings = MaskSettings.DEFAULTS.withReplacement(new Replacement.Tone(1000, -15));
        MaskRun run = new MaskRun(Leg.A, settings, DtmfMaskerTest.MAP).offer(new Phone(G711.ALAW, 1).audio(call));

        assertThat(multimon("out.wav", run.pcm())).isEmpty();
        assertThat(run.keys()).isEqualTo(DtmfMaskerTest.CARD + DtmfMaskerTest.CVV);
    }

    @Test
    void everyKeyAtTheShortEdge_fortyMsTonesAndGaps_multimonDecodesNothingMasked() throws Exception {
        for (double level : new double[] {-3, -25}) {
            short[] keys = Signals.pcm(DtmfDetectorKeysTest.sequence(DtmfDetectorKeysTest.ALL, 40, 40, level));
            MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP)
                    .offer(new Phone(G711.ULAW, 1).audio(keys));

            assertThat(multimon("in.wav", Signals.g711RoundTrip(keys, G711.ULAW))).as("input at %s dBFS", level)
                    .isEqualTo(DtmfDetectorKeysTest.ALL);
            assertThat(multimon("out.wav", run.pcm())).as("output at %s dBFS", level).isEmpty();
        }
    }

    @Test
    void harnessCallerWithCardNumber_multimonDecodesNothingMasked() throws Exception {
        Path wav = HarnessAudio.dir().resolve("caller_with_dtmf.wav");
        short[] call = Signals.readWav(wav);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP)
                .offer(new Phone(G711.ULAW, 1).audio(call));

        assertThat(multimon("in.wav", call)).isEqualTo(DtmfMaskerTest.CARD);
        assertThat(run.keys()).isEqualTo(DtmfMaskerTest.CARD);
        assertThat(multimon("out.wav", run.pcm())).isEmpty();
    }

    /** The keys multimon-ng decodes from {@code pcm}, written as an 8 kHz WAV named {@code name}. */
    private String multimon(String name, short[] pcm) throws Exception {
        Path wav = temp.resolve(name);
        Signals.writeWav(wav, pcm);
        Path log = temp.resolve(name + ".txt");
        Process p;
        try {
            p = new ProcessBuilder("multimon-ng", "-q", "-a", "DTMF", "-t", "wav", wav.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "multimon-ng is not installed");
            throw e;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("multimon-ng finished").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as("multimon-ng exit status; output: %s", out).isZero();
        StringBuilder keys = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("DTMF: ")) {
                keys.append(line.substring(6).trim());
            }
        }
        return keys.toString();
    }
}
