package io.callvault.media.record;

import static io.callvault.media.record.StereoRecorderTest.at;
import static io.callvault.media.record.StereoRecorderTest.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import org.junit.jupiter.api.Test;

/** Long calls and sender clocks that do not run at the receiver's rate. */
class StereoRecorderClockTest {
    private final CaptureSink sink = new CaptureSink();
    private final StereoRecorder recorder = new StereoRecorder(StereoRecorderTest.T0, PayloadMap.STATIC,
            PayloadMap.STATIC, RecorderSettings.DEFAULT, sink);

    @Test
    void fiveMinuteCallFedOnlyByPackets_isExactInBothChannelsAndExactlyAsLong() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 300);
        Talker callee = new Talker(G711.ALAW, 8, 2, 60_000, 4_000_000_000L, 1000, 300);

        for (int i = 0; i < caller.packets.size(); i++) {
            double jitter = i * 7 % 40;
            assertThat(recorder.receive(Leg.CALLER, caller.packets.get(i), at(20.0 * i + jitter)))
                    .isEqualTo(PacketOutcome.RECORDED);
            assertThat(recorder.receive(Leg.CALLEE, callee.packets.get(i), at(20.0 * i + 50 + jitter / 2)))
                    .isEqualTo(PacketOutcome.RECORDED);
        }
        recorder.finish(at(300_100));

        assertThat(sink.frames()).isEqualTo(300_100 * 8);
        short[] left = sink.channel(0);
        short[] right = sink.channel(1);
        assertThat(slice(left, 0, 2_400_000)).isEqualTo(caller.decoded(0, 2_400_000));
        assertThat(slice(right, 400, 2_400_400)).isEqualTo(callee.decoded(0, 2_400_000));
        assertThat(recorder.stats(Leg.CALLER).reanchors()).isZero();
        assertThat(recorder.stats(Leg.CALLEE).reanchors()).isZero();
    }

    @Test
    void slowSenderClock_isReanchoredInsteadOfDroppingEverything() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 60);

        for (int i = 0; i < caller.packets.size(); i++) {
            recorder.receive(Leg.CALLER, caller.packets.get(i), at(20.1 * i)); // 0.5 % slow
        }
        recorder.finish(at(20.1 * 3000));

        LegStats stats = recorder.stats(Leg.CALLER);
        assertThat(stats.reanchors()).as("lag passes the window about every 28 s").isBetween(1L, 3L);
        assertThat(stats.late()).isEqualTo(stats.reanchors() * (LegTimeline.LATE_RUN_TO_REANCHOR - 1));
        assertThat(stats.recorded()).isEqualTo(3000 - stats.late());
        assertThat(sink.frames()).isEqualTo(Math.round(20.1 * 3000 * 8));
    }

    @Test
    void fastSenderClock_isReanchoredOnceAheadByTheThreshold() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 240);

        for (int i = 0; i < caller.packets.size(); i++) {
            assertThat(recorder.receive(Leg.CALLER, caller.packets.get(i), at(19.9 * i))) // 0.5 % fast
                    .isEqualTo(PacketOutcome.RECORDED);
        }
        recorder.finish(at(19.9 * 12_000));

        LegStats stats = recorder.stats(Leg.CALLER);
        assertThat(stats.reanchors()).as("ahead by 1 s after about 200 s").isEqualTo(1);
        assertThat(stats.late()).isZero();
        assertThat(sink.frames()).isEqualTo(Math.round(19.9 * 12_000 * 8));
    }
}
