package io.callvault.media.record;

import static io.callvault.media.record.StereoRecorderTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.rtp.RtpTestPackets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile timing: random sources, sequence and timestamp jumps, duplicates, arrival stamps that jitter and
 * sometimes go backwards, and flush ticks at random. The recorder must never throw, must account for every
 * packet, and must end exactly as long as the call.
 */
class StereoRecorderRobustnessTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 120, 500})
    void randomTraffic_neverThrows_countsEveryPacket_andKeepsTheLength(int windowMillis) {
        CaptureSink sink = new CaptureSink();
        StereoRecorder recorder = new StereoRecorder(StereoRecorderTest.T0, PayloadMap.STATIC, PayloadMap.STATIC,
                new RecorderSettings(Duration.ofMillis(windowMillis), Duration.ofMillis(100 + windowMillis)), sink);
        Random random = new Random(3550 + windowMillis);
        long[] ssrc = {1, 2};
        int[] seq = {0, 0};
        long[] ts = {0, 0};
        double now = -200;
        int sent = 0;
        for (int i = 0; i < 20_000; i++) {
            int leg = random.nextInt(2);
            switch (random.nextInt(40)) {
                case 0 -> ssrc[leg] = random.nextInt(4);
                case 1 -> seq[leg] += random.nextInt(70_000);
                case 2 -> ts[leg] += random.nextInt(Integer.MAX_VALUE);
                case 3 -> now -= random.nextInt(300);
                case 4 -> recorder.flushUntil(at(now + random.nextInt(2000)));
                default -> { }
            }
            now += random.nextDouble() * 25;
            seq[leg] = (seq[leg] + (random.nextInt(10) == 0 ? -random.nextInt(5) : 1)) & 0xffff;
            ts[leg] = (ts[leg] + 160) & 0xffffffffL;
            int pt = random.nextInt(12) == 0 ? random.nextInt(128) : (random.nextBoolean() ? 0 : 8);
            byte[] payload = new byte[random.nextInt(10) == 0 ? random.nextInt(9000) : 160];
            random.nextBytes(payload);
            recorder.receive(leg == 0 ? Leg.CALLER : Leg.CALLEE,
                    RtpTestPackets.packet(pt, seq[leg], ts[leg], ssrc[leg], payload), at(now));
            sent++;
        }
        Duration length = Duration.ofMillis(Math.round(now) + 3000); // beyond every flush tick
        recorder.finish(StereoRecorderTest.T0.plus(length));

        LegStats a = recorder.stats(Leg.CALLER);
        LegStats b = recorder.stats(Leg.CALLEE);
        assertThat(a.packets() + b.packets()).isEqualTo(sent);
        for (LegStats s : new LegStats[] {a, b}) {
            assertThat(s.recorded() + s.duplicates() + s.late() + s.ignored() + s.unknownPayload() + s.beforeStart()
                    + s.oversized() + s.afterEnd()).isEqualTo(s.packets());
        }
        assertThat((long) sink.frames()).isEqualTo(length.toMillis() * 8);
        assertThat(sink.writes).allMatch(n -> n % 4 == 0 && n <= 640);
    }
}
