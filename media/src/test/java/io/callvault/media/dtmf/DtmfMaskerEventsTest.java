package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.media.codec.G711;
import io.callvault.media.relay.Leg;
import io.callvault.media.relay.RelayStage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 events through the masker, other payload types, the stage, settings, and failures. */
class DtmfMaskerEventsTest {
    static final int PRESS = 960;
    static final int GAP = 800;
    static final int FIRST = 4000;

    /** A packet and the stream position at which the phone sends it. */
    record Sent(long at, ByteBuffer packet) {
    }

    /**
     * {@code audio} in 20 ms packets with {@code keys} as RFC 4733 presses interleaved at send time: the
     * first key at sample {@code FIRST}, each {@code PRESS} long, {@code GAP} apart; updates every 50 ms and
     * three end packets, as phones send them.
     */
    static List<ByteBuffer> withEvents(Phone phone, short[] audio, String keys) {
        long ts0 = phone.ts;
        List<Sent> sent = new ArrayList<>();
        List<ByteBuffer> packets = phone.audio(audio);
        for (int j = 0; j < packets.size(); j++) {
            sent.add(new Sent((j + 1) * 160L, packets.get(j)));
        }
        for (int i = 0; i < keys.length(); i++) {
            long start = FIRST + (long) i * (PRESS + GAP);
            int event = "0123456789*#ABCD".indexOf(keys.charAt(i));
            for (int d = 0; d < PRESS; d += 400) {
                sent.add(new Sent(start + d, phone.event(ts0 + start, event, false, d)));
            }
            for (int r = 0; r < 3; r++) {
                sent.add(new Sent(start + PRESS + 160L * r, phone.event(ts0 + start, event, true, PRESS)));
            }
        }
        sent.sort(Comparator.comparingLong(Sent::at));
        return sent.stream().map(Sent::packet).toList();
    }

    @Test
    void telephoneEvents_towardAMaskedLeg_areDropped_andEachPressReportedOnce() {
        short[] speech = Signals.pcm(Signals.concat(Signals.speechLike(2), Signals.speechLike(3)));
        List<ByteBuffer> packets = withEvents(new Phone(G711.ULAW, 4), speech, "4111");
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP).offer(packets);
        run.masker.finish();

        int events = packets.size() - (speech.length + 159) / 160;
        assertThat(run.masker.stats().droppedEventPackets()).isEqualTo(events);
        assertThat(run.forwarded).hasSize(packets.size() - events);
        assertThat(run.keys()).isEqualTo("4111");
        assertThat(run.ended).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo(MaskedDigit.Source.RFC_4733);
            assertThat(d.end() - d.start()).isEqualTo(PRESS);
        });
        assertThat(run.ended.get(1).start()).isEqualTo(FIRST + PRESS + GAP);
        assertThat(run.masker.stats().eventDigits()).isEqualTo(4);
    }

    @Test
    void telephoneEvents_withForwarding_passUnchanged() {
        short[] speech = Signals.pcm(Signals.speechLike(2));
        List<ByteBuffer> packets = withEvents(new Phone(G711.ULAW, 4), speech, "9");
        List<byte[]> eventBytes = new ArrayList<>();
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS.withForwardTelephoneEvents(true), DtmfMaskerTest.MAP);

        for (ByteBuffer p : packets) {
            boolean event = (p.get(1) & 0x7f) == Phone.EVENT_PT;
            byte[] before = new byte[p.remaining()];
            p.get(p.position(), before);
            assertThat(run.offer(p)).isTrue();
            if (event) {
                byte[] after = new byte[p.remaining()];
                p.get(p.position(), after);
                assertThat(after).isEqualTo(before);
                eventBytes.add(after);
            }
        }

        assertThat(eventBytes).hasSize(6);
        assertThat(run.keys()).isEqualTo("9");
        assertThat(run.masker.stats().droppedEventPackets()).isZero();
    }

    @Test
    void audioDuringAnEventPress_isMaskedWithTheGuard() {
        short[] speech = Signals.pcm(Signals.concat(Signals.speechLike(2), Signals.speechLike(3)));
        Phone phone = new Phone(G711.ALAW, 4);
        byte[] sent = phone.codes(speech);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP)
                .offer(withEvents(phone, speech, "5"));

        byte[] out = run.codes();
        byte silence = G711.ALAW.encode(0);
        for (int k = 480; k < out.length; k++) {
            long q = k - 480;
            boolean masked = q >= FIRST - 160 && q < FIRST + PRESS + 160;
            assertThat(out[k]).as("at %d", q).isEqualTo(masked ? silence : sent[(int) q]);
        }
    }

    @Test
    void keySentBothInBandAndAsEvents_isReportedOnce() {
        double[] tone = Signals.key('7', PRESS / 8.0, -10);
        short[] audio = Signals.pcm(Signals.mix(Signals.silence(1000), tone, FIRST));
        MaskRun run = new MaskRun(Leg.B, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP)
                .offer(withEvents(new Phone(G711.ULAW, 4), audio, "7"));
        run.masker.finish();

        assertThat(run.keys()).isEqualTo("7");
        assertThat(run.started.getFirst().source()).isEqualTo(MaskedDigit.Source.RFC_4733);
        assertThat(run.ended).hasSize(1);
        assertThat(run.masker.stats().duplicateDigits()).isEqualTo(1);
        assertThat(Presses.detect(run.pcm()).keys()).isEmpty();
    }

    @Test
    void unknownPayloadTypesAndInvalidRtp_areDropped_comfortNoisePasses() {
        Phone phone = new Phone(G711.ULAW, 4);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP);

        assertThat(run.offer(phone.packet(9, 0, new byte[160]))).as("G.722, not negotiated here").isFalse();
        assertThat(run.offer(ByteBuffer.wrap(new byte[] {0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}))).isFalse();
        assertThat(run.offer(phone.packet(13, 0, new byte[] {40}))).isTrue();
        assertThat(run.masker.stats().droppedOtherPackets()).isEqualTo(2);
    }

    @Test
    void throwingListener_isCounted_andMaskingGoesOn() {
        MaskedDigitListener failing = new MaskedDigitListener() {
            @Override
            public void digitStarted(MaskedDigit digit) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void digitEnded(MaskedDigit digit) {
                throw new IllegalStateException("listener bug");
            }
        };
        DtmfMasker masker = new DtmfMasker(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP, failing);
        List<ByteBuffer> packets = new Phone(G711.ULAW, 4).audio(
                Signals.pcm(DtmfDetectorKeysTest.sequence("12", 80, 80, -10)));

        List<Short> out = new ArrayList<>();
        for (ByteBuffer p : packets) {
            assertThat(masker.process(p)).isTrue();
            for (byte b : Phone.payload(p)) {
                out.add(G711.ULAW.decode(b));
            }
        }

        assertThat(masker.stats().listenerFailures()).isEqualTo(4);
        short[] pcm = new short[out.size()];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = out.get(i);
        }
        assertThat(Presses.detect(pcm).keys()).isEmpty();
    }

    @Test
    void stage_handsEachPacketToTheMaskerOfItsLeg() {
        MaskRun a = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP);
        RelayStage.Rewrite stage = DtmfMasker.stage(a.masker);
        Phone phone = new Phone(G711.ULAW, 4);

        assertThat(stage.name()).isEqualTo("dtmf-mask");
        assertThat(stage.rewriter().rewrite(Leg.B, phone.event(1, 1, true, 400), 0)).as("leg B unmasked").isTrue();
        assertThat(stage.rewriter().rewrite(Leg.A, phone.event(1, 1, true, 400), 0)).isFalse();
        assertThat(a.masker.stats().droppedEventPackets()).isEqualTo(1);
        assertThatThrownBy(() -> DtmfMasker.stage(a.masker,
                new DtmfMasker(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP, MaskedDigitListener.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leg A");
    }

    @Test
    void settings_delayShorterThanConfirmationPlusGuard_isRefused_withTheLeastAllowed() {
        assertThatThrownBy(() -> MaskSettings.DEFAULTS.withDelay(Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(60 ms)");
        assertThatThrownBy(() -> MaskSettings.DEFAULTS.withGuard(Duration.ofMillis(40)))
                .hasMessageContaining("(80 ms)");
        assertThatThrownBy(() -> MaskSettings.DEFAULTS.withGuard(Duration.ofMillis(2)))
                .hasMessageContaining("5 to 200 ms");
        assertThatThrownBy(() -> MaskSettings.DEFAULTS.withDelay(Duration.ofNanos(60_000_001)))
                .hasMessageContaining("whole 8 kHz samples");
        MaskSettings longer = new MaskSettings(Replacement.SILENCE, Duration.ofMillis(40), Duration.ofMillis(80), false);
        assertThat(longer.delaySamples()).isEqualTo(640);
        assertThat(longer.guardSamples()).isEqualTo(320);
    }

    @Test
    void replacementTone_nearADtmfFrequency_isRefused() {
        assertThatThrownBy(() -> new Replacement.Tone(1220, -20)).hasMessageContaining("1209 Hz");
        assertThatThrownBy(() -> new Replacement.Tone(1000, 0)).hasMessageContaining("-40 to -3 dBFS");
        assertThat(new Replacement.Tone(440, -20).sample(0)).isZero();
    }

    @Test
    void maskedDigit_toString_hidesTheKey() {
        MaskedDigit d = new MaskedDigit(Leg.A, MaskedDigit.Source.IN_BAND, '7', 8000, 8800);

        assertThat(d.toString()).doesNotContain("7").contains("hidden");
        assertThat(d.digit()).isEqualTo('7');
    }
}
