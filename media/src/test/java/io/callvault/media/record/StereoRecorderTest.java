package io.callvault.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.RtpTestPackets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where audio lands on the timeline: channels, offsets, loss, reordering, new sources, length. */
class StereoRecorderTest {
    static final Instant T0 = Instant.parse("2026-11-30T09:15:00Z");

    private final CaptureSink sink = new CaptureSink();
    private final StereoRecorder recorder = new StereoRecorder(T0, PayloadMap.STATIC, PayloadMap.STATIC,
            RecorderSettings.DEFAULT, sink);

    static Instant at(double millis) {
        return T0.plusNanos(Math.round(millis * 1_000_000));
    }

    static short[] slice(short[] samples, int from, int to) {
        return Arrays.copyOfRange(samples, from, to);
    }

    static void assertSilent(short[] samples, int from, int to) {
        assertThat(slice(samples, from, to)).as("samples %d to %d", from, to).containsOnly((short) 0);
    }

    /** One packet of one leg and when it arrives. */
    record Arrival(Leg leg, RtpPacket packet, Instant at) {
    }

    /** Packets of {@code talker} arriving every 20 ms from {@code firstMillis}. */
    static List<Arrival> steady(Leg leg, Talker talker, double firstMillis) {
        List<Arrival> out = new ArrayList<>();
        for (int i = 0; i < talker.packets.size(); i++) {
            out.add(new Arrival(leg, talker.packets.get(i), at(firstMillis + 20.0 * i)));
        }
        return out;
    }

    void feed(List<Arrival> arrivals) {
        arrivals.stream().sorted(Comparator.comparing(Arrival::at))
                .forEach(a -> assertThat(recorder.receive(a.leg(), a.packet(), a.at())).as("outcome of %s", a)
                        .isEqualTo(PacketOutcome.RECORDED));
    }

    @Test
    void sineInBothDirections_landsInItsOwnChannelAtItsArrivalOffset() {
        Talker caller = new Talker(G711.ULAW, 0, 0x1111, 1000, 50_000, 400, 1.0);
        Talker callee = new Talker(G711.ALAW, 8, 0x2222, 7, 123_456, 1000, 1.0);
        List<Arrival> arrivals = new ArrayList<>(steady(Leg.CALLER, caller, 100));
        arrivals.addAll(steady(Leg.CALLEE, callee, 300));

        feed(arrivals);
        recorder.finish(at(2000));

        assertThat(sink.frames()).isEqualTo(16_000);
        short[] left = sink.channel(0);
        short[] right = sink.channel(1);
        assertSilent(left, 0, 800);
        assertThat(slice(left, 800, 8800)).isEqualTo(caller.decoded(0, 8000));
        assertSilent(left, 8800, 16_000);
        assertSilent(right, 0, 2400);
        assertThat(slice(right, 2400, 10_400)).isEqualTo(callee.decoded(0, 8000));
        assertSilent(right, 10_400, 16_000);
        assertThat(recorder.stats(Leg.CALLER)).isEqualTo(new LegStats(50, 50, 0, 0, 0, 0, 0, 0, 0, 0, 7200));
        assertThat(recorder.stats(Leg.CALLEE).concealedMillis()).as("after the callee stopped").isEqualTo(700);
    }

    @Test
    void jitterWithinTheWindow_doesNotMoveAudio() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 300, 1.0);
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < caller.packets.size(); i++) {
            double jitter = i == 0 ? 0 : (i * 37 % 90);
            arrivals.add(new Arrival(Leg.CALLER, caller.packets.get(i), at(20.0 * i + jitter)));
        }

        feed(arrivals);
        recorder.finish(at(1000));

        assertThat(sink.channel(0)).isEqualTo(caller.decoded(0, 8000));
    }

    @Test
    void lostPackets_becomeSilenceOfExactlyTheirLength() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 1.0);
        List<Arrival> arrivals = new ArrayList<>(steady(Leg.CALLER, caller, 0));
        arrivals.subList(10, 15).clear();

        feed(arrivals);
        recorder.finish(at(1000));

        short[] left = sink.channel(0);
        assertThat(slice(left, 0, 1600)).isEqualTo(caller.decoded(0, 1600));
        assertSilent(left, 1600, 2400);
        assertThat(slice(left, 2400, 8000)).isEqualTo(caller.decoded(2400, 8000));
        LegStats stats = recorder.stats(Leg.CALLER);
        assertThat(stats.recorded()).isEqualTo(45);
        assertThat(stats.concealedMillis()).isEqualTo(100);
        assertThat(recorder.stats(Leg.CALLEE)).as("a leg that sends nothing is silence, not loss")
                .isEqualTo(new LegStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertSilent(sink.channel(1), 0, 8000);
    }

    @Test
    void reorderedPacketsWithinTheWindow_arePutInPlaceExactly() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 1.0);
        List<Arrival> arrivals = new ArrayList<>(steady(Leg.CALLER, caller, 0));
        // The very first two swapped (the anchor is then the second packet), a later pair swapped, and one
        // packet arriving 100 ms late, after five of its successors.
        arrivals.set(0, new Arrival(Leg.CALLER, caller.packets.get(0), at(20.5)));
        arrivals.set(11, new Arrival(Leg.CALLER, caller.packets.get(11), at(219)));
        arrivals.set(20, new Arrival(Leg.CALLER, caller.packets.get(20), at(500)));

        feed(arrivals);
        recorder.finish(at(1000));

        assertThat(sink.channel(0)).isEqualTo(caller.decoded(0, 8000));
        assertThat(recorder.stats(Leg.CALLER).reanchors()).isZero();
    }

    @Test
    void newSsrcMidCall_isAnchoredOnItsArrival() {
        Talker first = new Talker(G711.ULAW, 0, 0xaaaa, 100, 1_000, 400, 0.5);
        Talker second = new Talker(G711.ULAW, 0, 0xbbbb, 40_000, 3_000_000_000L, 600, 0.5);
        List<Arrival> arrivals = new ArrayList<>(steady(Leg.CALLER, first, 0));
        arrivals.addAll(steady(Leg.CALLER, second, 700));

        feed(arrivals);
        recorder.finish(at(1200));

        short[] left = sink.channel(0);
        assertThat(left).hasSize(9600);
        assertThat(slice(left, 0, 4000)).isEqualTo(first.decoded(0, 4000));
        assertSilent(left, 4000, 5600);
        assertThat(slice(left, 5600, 9600)).isEqualTo(second.decoded(0, 4000));
        assertThat(recorder.stats(Leg.CALLER).reanchors()).isEqualTo(1);
        assertThat(recorder.stats(Leg.CALLER).concealedMillis()).isEqualTo(200);
    }

    @Test
    void streamRestartedUnderTheSameSsrc_afterACodecChange_isRecordedFromItsThirdPacket() {
        // SIPp and some PBXs restart sequence and timestamp (same SSRC) when a re-INVITE changes codec
        Talker first = new Talker(G711.ULAW, 0, 0xaaaa, 5_000, 3_000_000L, 400, 0.5);
        Talker second = new Talker(G711.ALAW, 8, 0xaaaa, 10, 0, 600, 0.5);
        feed(steady(Leg.CALLER, first, 0));
        List<PacketOutcome> outcomes = steady(Leg.CALLER, second, 700).stream()
                .map(a -> recorder.receive(a.leg(), a.packet(), a.at())).toList();
        recorder.finish(at(1200));

        assertThat(outcomes.subList(0, 2)).containsOnly(PacketOutcome.LATE);
        assertThat(outcomes.subList(2, outcomes.size())).containsOnly(PacketOutcome.RECORDED);
        short[] left = sink.channel(0);
        assertThat(left).hasSize(9600);
        assertThat(slice(left, 0, 4000)).isEqualTo(first.decoded(0, 4000));
        // two packets (40 ms) are needed to tell a restart from stray late packets; the rest is all there
        assertThat(slice(left, 5600 + 320, 9600)).isEqualTo(second.decoded(320, 4000));
        assertThat(recorder.stats(Leg.CALLER).late()).isEqualTo(2);
    }

    @Test
    void timestampJumpBeyondTheThreshold_isReanchoredOnArrival() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 1.0);
        for (int i = 25; i < 50; i++) {
            RtpPacket p = caller.packets.get(i);
            p.setTimestamp((p.timestamp() + 5 * 8000) & 0xffffffffL);
        }

        feed(steady(Leg.CALLER, caller, 0));
        recorder.finish(at(1000));

        assertThat(sink.channel(0)).isEqualTo(caller.decoded(0, 8000));
        assertThat(recorder.stats(Leg.CALLER).reanchors()).isEqualTo(1);
    }

    @Test
    void silenceSuppressionGap_keepsTimestampPlacementWithoutReanchoring() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 1.0);
        for (int i = 25; i < 50; i++) {
            RtpPacket p = caller.packets.get(i);
            p.setTimestamp(p.timestamp() + 2 * 8000);
        }
        List<Arrival> arrivals = new ArrayList<>(steady(Leg.CALLER, caller, 0));
        for (int i = 25; i < 50; i++) {
            arrivals.set(i, new Arrival(Leg.CALLER, caller.packets.get(i), at(20.0 * i + 2000 + (i == 25 ? 30 : 0))));
        }

        feed(arrivals);
        recorder.finish(at(3000));

        short[] left = sink.channel(0);
        assertThat(slice(left, 0, 4000)).isEqualTo(caller.decoded(0, 4000));
        assertSilent(left, 4000, 20_000);
        assertThat(slice(left, 20_000, 24_000)).isEqualTo(caller.decoded(4000, 8000));
        assertThat(recorder.stats(Leg.CALLER).reanchors()).isZero();
    }

    @Test
    void sequenceAndTimestampWrap_areContinuous() {
        Talker caller = new Talker(G711.ALAW, 8, 0xffffffffL, 65_530, 0xffffff00L, 400, 0.5);

        feed(steady(Leg.CALLER, caller, 0));
        recorder.finish(at(500));

        assertThat(sink.channel(0)).isEqualTo(caller.decoded(0, 4000));
        LegStats stats = recorder.stats(Leg.CALLER);
        assertThat(stats.reanchors()).isZero();
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.recorded()).isEqualTo(25);
    }

    @Test
    void frames_are20MsOfInterleavedLittleEndian16BitStereo_andTotalLengthIsTheCallLength() {
        byte[] loud = new byte[160];
        Arrays.fill(loud, (byte) 0x80); // µ-law +32124 = 0x7d7c
        recorder.receive(Leg.CALLER, RtpTestPackets.packet(0, 1, 0, 9, loud), at(0));

        recorder.finish(at(1006.25));

        assertThat(sink.frames()).isEqualTo(8050);
        assertThat(sink.writes).hasSize(51).allMatch(n -> n % 4 == 0);
        assertThat(sink.writes.subList(0, 50)).containsOnly(640);
        assertThat(sink.writes.getLast()).isEqualTo(200);
        assertThat(Arrays.copyOfRange(sink.bytes(), 0, 8)).containsExactly(0x7c, 0x7d, 0, 0, 0x7c, 0x7d, 0, 0);
        assertThat(recorder.recorded()).isEqualTo(Duration.ofNanos(1_006_250_000));
        assertThat(StereoRecorder.FORMAT.bytesPerFrame()).isEqualTo(4);
    }

    @Test
    void callWithoutAnyPacket_isSilenceOfTheCallsLength() {
        recorder.finish(at(3000));

        assertThat(sink.frames()).isEqualTo(24_000);
        assertThat(sink.writes).hasSize(150);
        assertThat(sink.bytes()).containsOnly((byte) 0);
    }

    @Test
    void audioBeforeTheStart_isTrimmedAtSampleZero() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 0.1);
        List<PacketOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < caller.packets.size(); i++) {
            outcomes.add(recorder.receive(Leg.CALLER, caller.packets.get(i), at(-50 + 20.0 * i)));
        }
        recorder.finish(at(50));

        assertThat(outcomes).containsExactly(PacketOutcome.BEFORE_START, PacketOutcome.BEFORE_START,
                PacketOutcome.RECORDED, PacketOutcome.RECORDED, PacketOutcome.RECORDED);
        assertThat(sink.channel(0)).isEqualTo(caller.decoded(400, 800));
        assertThat(recorder.stats(Leg.CALLER).beforeStart()).isEqualTo(2);
    }
}
