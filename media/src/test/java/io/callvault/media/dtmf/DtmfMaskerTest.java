package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.relay.Leg;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** In-band masking: nothing detectable is left, and everything else comes through bit for bit. */
class DtmfMaskerTest {
    static final String CARD = "4111111111111111";
    static final String CVV = "737";
    static final PayloadMap MAP = new PayloadMap(Map.of(0, PayloadKind.PCMU, 8, PayloadKind.PCMA, 13,
            PayloadKind.COMFORT_NOISE, 101, PayloadKind.TELEPHONE_EVENT));

    /** Speech, the card number, speech, the security code, speech; all over faint noise. */
    static short[] cardCall() {
        double[] x = Signals.concat(Signals.speechLike(1), Signals.silence(300),
                DtmfDetectorKeysTest.sequence(CARD, 70, 80, -10), Signals.speechLike(2), Signals.silence(300),
                DtmfDetectorKeysTest.sequence(CVV, 90, 90, -14), Signals.speechLike(3));
        return Signals.pcm(Signals.mix(x, Signals.noise(5, x.length, -60), 0));
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void cardNumberAndCode_amidSpeech_areMaskedBeyondDetection(G711 law) {
        short[] call = cardCall();
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, MAP).offer(new Phone(law, 7).audio(call));
        run.masker.finish();

        assertThat(Presses.detect(run.pcm()).keys()).isEmpty();
        assertThat(run.keys()).isEqualTo(CARD + CVV);
        assertThat(run.ended).hasSize(19).allSatisfy(d -> assertThat(d.source()).isEqualTo(MaskedDigit.Source.IN_BAND));
        assertThat(Presses.detect(Signals.g711RoundTrip(call, law)).keys()).as("unmasked").isEqualTo(CARD + CVV);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void audioOutsideTheGuards_isBitExact_delayedBySixtyMs(G711 law) {
        short[] call = cardCall();
        Phone phone = new Phone(law, 7);
        byte[] sent = phone.codes(call);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, MAP).offer(phone.audio(call));
        run.masker.finish();
        byte[] out = run.codes();
        int delay = 480;
        int guard = 160;
        byte silence = law.encode(0);

        int masked = 0;
        for (int k = 0; k < out.length; k++) {
            long q = k - delay;
            if (q < 0) {
                assertThat(out[k]).as("before the stream, at %d", k).isEqualTo(silence);
            } else if (inGuardedKey(run.ended, q, guard)) {
                assertThat(out[k]).as("masked at %d", q).isEqualTo(silence);
                masked++;
            } else {
                assertThat(out[k]).as("passthrough at %d", q).isEqualTo(q < sent.length ? sent[(int) q] : silence);
            }
        }
        assertThat(masked).as("masked samples").isBetween(19 * Signals.samples(70 + 40), 19 * Signals.samples(70 + 60));
        assertThat(run.masker.stats().maskedPackets()).isPositive();
        assertThat(run.masker.stats().audioPackets()).isEqualTo(run.forwarded.size());
    }

    static boolean inGuardedKey(List<MaskedDigit> keys, long position, int guard) {
        for (MaskedDigit d : keys) {
            if (position >= d.start() - guard && position < d.end() + guard) {
                return true;
            }
        }
        return false;
    }

    @Test
    void toneReplacement_isTheSameToneForEveryKey_andNothingIsDetected() {
        short[] call = Signals.pcm(DtmfDetectorKeysTest.sequence("159#", 80, 80, -6));
        Replacement.Tone tone = new Replacement.Tone(1000, -20);
        MaskRun run = new MaskRun(Leg.B, MaskSettings.DEFAULTS.withReplacement(tone), MAP)
                .offer(new Phone(G711.ULAW, 9).audio(call));
        run.masker.finish();

        short[] out = run.pcm();
        assertThat(Presses.detect(out).keys()).isEmpty();
        int replaced = 0;
        for (int k = 480; k < out.length; k++) {
            if (inGuardedKey(run.ended, k - 480, 160)) {
                assertThat(out[k]).isEqualTo(G711.ULAW.decode(G711.ULAW.encode(tone.sample(k - 480))));
                replaced++;
            }
        }
        assertThat(replaced).isEqualTo(4 * Signals.samples(80 + 40) + run.ended.stream()
                .mapToLong(d -> d.end() - d.start() - Signals.samples(80)).sum());
    }

    @Test
    void packetLossInsideAKey_isSilence_andTheKeyIsStillMasked() {
        short[] call = Signals.pcm(DtmfDetectorKeysTest.sequence("8", 200, 100, -10));
        List<ByteBuffer> packets = new Phone(G711.ULAW, 3).audio(call);
        packets.remove(8);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, MAP).offer(packets);

        assertThat(Presses.detect(run.pcm()).keys()).isEmpty();
        assertThat(run.masker.stats().gapSamples()).isEqualTo(160);
        assertThat(run.keys()).isNotEmpty().matches("8+");
    }

    @Test
    void reorderedPacket_bringsNoAudioOfItsOwn_andCarriesItsDelayedSlot() {
        short[] speech = Signals.pcm(Signals.speechLike(6));
        Phone phone = new Phone(G711.ULAW, 3);
        byte[] sent = phone.codes(speech);
        List<ByteBuffer> packets = phone.audio(speech);
        ByteBuffer late = packets.remove(20);
        packets.add(21, late);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, MAP).offer(packets);

        assertThat(run.masker.stats().latePackets()).isEqualTo(1);
        assertThat(run.masker.stats().gapSamples()).isEqualTo(160);
        byte[] lateOut = Phone.payload(late);
        for (int i = 0; i < 160; i++) {
            assertThat(lateOut[i]).isEqualTo(sent[20 * 160 + i - 480]);
        }
        byte[] slotOfLate = Phone.payload(packets.get(23));
        assertThat(slotOfLate).containsOnly(G711.ULAW.encode(0));
    }

    @Test
    void newSsrc_continuesTheStream_withoutLosingTheHeldAudio() {
        short[] speech = Signals.pcm(Signals.speechLike(8));
        short[] first = java.util.Arrays.copyOf(speech, 8000);
        short[] second = java.util.Arrays.copyOfRange(speech, 8000, 16000);
        Phone a = new Phone(G711.ALAW, 1);
        Phone b = new Phone(G711.ALAW, 2);
        b.ts = 999_999;
        List<ByteBuffer> packets = new ArrayList<>(a.audio(first));
        packets.addAll(b.audio(second));
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, MAP).offer(packets);

        assertThat(run.masker.stats().discontinuities()).isEqualTo(1);
        byte[] sent = new Phone(G711.ALAW, 0).codes(java.util.Arrays.copyOf(speech, 16000));
        byte[] out = run.codes();
        for (int k = 480; k < out.length; k++) {
            assertThat(out[k]).isEqualTo(sent[k - 480]);
        }
    }

    @Test
    void payloadTypeChangeMidCall_transcodesTheHeldAudio() {
        short[] speech = Signals.pcm(Signals.speechLike(9));
        short[] first = java.util.Arrays.copyOf(speech, 4000);
        short[] second = java.util.Arrays.copyOfRange(speech, 4000, 8000);
        Phone mu = new Phone(G711.ULAW, 5);
        Phone a = new Phone(G711.ALAW, 5);
        List<ByteBuffer> packets = new ArrayList<>(mu.audio(first));
        a.ts = mu.ts;
        packets.addAll(a.audio(second));
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, MAP).offer(packets);

        short[] out = run.pcm();
        for (int k = 4000; k < 4480; k++) {
            short muLaw = G711.ULAW.decode(G711.ULAW.encode(speech[k - 480]));
            assertThat(out[k]).isEqualTo(G711.ALAW.decode(G711.ALAW.encode(muLaw)));
        }
        for (int k = 4480; k < out.length; k++) {
            assertThat(out[k]).isEqualTo(G711.ALAW.decode(G711.ALAW.encode(speech[k - 480])));
        }
        assertThat(run.masker.stats().discontinuities()).isZero();
    }
}
