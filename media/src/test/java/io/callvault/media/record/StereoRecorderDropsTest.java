package io.callvault.media.record;

import static io.callvault.media.record.StereoRecorderTest.assertSilent;
import static io.callvault.media.record.StereoRecorderTest.at;
import static io.callvault.media.record.StereoRecorderTest.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.media.codec.G711;
import io.callvault.media.rtp.RtpTestPackets;
import io.callvault.media.rtp.TelephoneEvent;
import io.callvault.sdp.SdpParseException;
import io.callvault.sdp.SessionDescription;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is dropped and counted: late, duplicate, non-audio and unknown packets; flushing; payload maps. */
class StereoRecorderDropsTest {
    private final CaptureSink sink = new CaptureSink();
    private final StereoRecorder recorder = new StereoRecorder(StereoRecorderTest.T0, PayloadMap.STATIC,
            PayloadMap.STATIC, RecorderSettings.DEFAULT, sink);

    private void send(Talker talker, int index, double arrivalMillis, PacketOutcome expected) {
        assertThat(recorder.receive(Leg.CALLER, talker.packets.get(index), at(arrivalMillis)))
                .as("packet %d at %s ms", index, arrivalMillis).isEqualTo(expected);
    }

    @Test
    void packetLaterThanTheWindow_isDroppedCountedAndLeavesSilence() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 1.0);
        for (int i = 0; i < 50; i++) {
            if (i != 20) {
                send(caller, i, 20.0 * i, PacketOutcome.RECORDED);
            }
            if (i == 30) {
                send(caller, 20, 600, PacketOutcome.LATE);
            }
        }
        recorder.finish(at(1000));

        short[] left = sink.channel(0);
        assertThat(slice(left, 0, 3200)).isEqualTo(caller.decoded(0, 3200));
        assertSilent(left, 3200, 3360);
        assertThat(slice(left, 3360, 8000)).isEqualTo(caller.decoded(3360, 8000));
        assertThat(recorder.stats(Leg.CALLER).late()).isEqualTo(1);
        assertThat(recorder.stats(Leg.CALLER).concealedMillis()).isEqualTo(20);
    }

    @Test
    void duplicates_areDroppedAndCounted_evenAfterTheirAudioWasWrittenOut() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 1.0);
        for (int i = 0; i < 50; i++) {
            send(caller, i, 20.0 * i, PacketOutcome.RECORDED);
            if (i == 5 || i == 6) {
                send(caller, i, 20.0 * i + 1, PacketOutcome.DUPLICATE);
            }
            if (i == 40) {
                send(caller, 5, 801, PacketOutcome.DUPLICATE);
            }
        }
        recorder.finish(at(1000));

        assertThat(sink.channel(0)).isEqualTo(caller.decoded(0, 8000));
        assertThat(recorder.stats(Leg.CALLER).duplicates()).isEqualTo(3);
        assertThat(recorder.stats(Leg.CALLER).packets()).isEqualTo(53);
    }

    @Test
    void telephoneEventsComfortNoiseAndUnknownTypes_areIgnoredAndCounted() throws SdpParseException {
        PayloadMap baresip = PayloadMap.fromSdp(SessionDescription.parse("""
                v=0
                o=- 1 1 IN IP4 192.0.2.50
                s=-
                c=IN IP4 192.0.2.50
                t=0 0
                m=audio 17102 RTP/AVP 96 0 13 101
                a=rtpmap:96 opus/48000/2
                a=rtpmap:101 telephone-event/8000
                """).media().getFirst());
        assertThat(baresip.kinds()).isEqualTo(Map.of(0, PayloadKind.PCMU, 13, PayloadKind.COMFORT_NOISE,
                101, PayloadKind.TELEPHONE_EVENT));
        recorder.updatePayloadMap(Leg.CALLER, baresip);
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 0.2);
        ByteBuffer digit = ByteBuffer.allocate(4);
        new TelephoneEvent(5, false, 10, 160).write(digit);

        send(caller, 0, 0, PacketOutcome.RECORDED);
        assertThat(recorder.receive(Leg.CALLER, RtpTestPackets.packet(101, 1, 160, 1, digit.array()), at(20)))
                .isEqualTo(PacketOutcome.IGNORED);
        assertThat(recorder.receive(Leg.CALLER, RtpTestPackets.packet(13, 2, 320, 1, new byte[] {40}), at(40)))
                .isEqualTo(PacketOutcome.IGNORED);
        assertThat(recorder.receive(Leg.CALLER, RtpTestPackets.packet(96, 3, 480, 1, new byte[80]), at(60)))
                .isEqualTo(PacketOutcome.UNKNOWN_PAYLOAD);
        assertThat(recorder.receive(Leg.CALLER, RtpTestPackets.packet(0, 3, 480, 1, new byte[0]), at(60)))
                .as("empty payload").isEqualTo(PacketOutcome.IGNORED);
        send(caller, 4, 80, PacketOutcome.RECORDED);
        recorder.finish(at(100));

        short[] left = sink.channel(0);
        assertThat(slice(left, 0, 160)).isEqualTo(caller.decoded(0, 160));
        assertSilent(left, 160, 640);
        assertThat(slice(left, 640, 800)).isEqualTo(caller.decoded(640, 800));
        LegStats stats = recorder.stats(Leg.CALLER);
        assertThat(stats.ignored()).isEqualTo(3);
        assertThat(stats.unknownPayload()).isEqualTo(1);
        assertThat(stats.recorded()).isEqualTo(2);
    }

    @Test
    void reInviteToAnotherCodec_isDecodedWithTheNewMap() {
        StereoRecorder pcmuOnly = new StereoRecorder(StereoRecorderTest.T0, PayloadMap.STATIC,
                new PayloadMap(Map.of(0, PayloadKind.PCMU)), RecorderSettings.DEFAULT, sink);
        Talker callee = new Talker(G711.ALAW, 8, 2, 0, 0, 1000, 0.2);

        assertThat(pcmuOnly.receive(Leg.CALLEE, callee.packets.get(0), at(0))).isEqualTo(PacketOutcome.UNKNOWN_PAYLOAD);
        pcmuOnly.updatePayloadMap(Leg.CALLEE, new PayloadMap(Map.of(8, PayloadKind.PCMA)));
        for (int i = 1; i < 10; i++) {
            assertThat(pcmuOnly.receive(Leg.CALLEE, callee.packets.get(i), at(20.0 * i)))
                    .isEqualTo(PacketOutcome.RECORDED);
        }
        pcmuOnly.finish(at(200));

        short[] right = sink.channel(1);
        assertSilent(right, 0, 160);
        assertThat(slice(right, 160, 1600)).isEqualTo(callee.decoded(160, 1600));
    }

    @Test
    void flushUntil_writesOnlyWholeFramesOlderThanTheWindow() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 0.02);
        send(caller, 0, 0, PacketOutcome.RECORDED);

        recorder.flushUntil(at(200));
        assertThat(sink.frames()).as("200 ms - 120 ms window = 4 frames").isEqualTo(640);
        assertThat(sink.writes).containsOnly(640).hasSize(4);

        recorder.flushUntil(at(100));
        assertThat(sink.frames()).as("time going backwards writes nothing").isEqualTo(640);

        recorder.flushUntil(at(219.9));
        assertThat(sink.frames()).as("an incomplete frame waits").isEqualTo(640);
        recorder.flushUntil(at(220));
        assertThat(sink.frames()).isEqualTo(800);
        assertThat(slice(sink.channel(0), 0, 160)).isEqualTo(caller.decoded(0, 160));
    }

    @Test
    void zeroWindow_writesUpToTheFlushInstant() {
        StereoRecorder eager = new StereoRecorder(StereoRecorderTest.T0, PayloadMap.STATIC, PayloadMap.STATIC,
                new RecorderSettings(Duration.ZERO, Duration.ofSeconds(1)), sink);

        eager.flushUntil(at(200));

        assertThat(sink.frames()).isEqualTo(1600);
    }

    @Test
    void afterFinish_packetsAreCountedAndFinishingAgainFails() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 0.04);
        send(caller, 0, 0, PacketOutcome.RECORDED);
        recorder.finish(at(20));

        send(caller, 1, 20, PacketOutcome.AFTER_END);
        recorder.flushUntil(at(5000));

        assertThat(sink.frames()).isEqualTo(160);
        assertThat(recorder.isFinished()).isTrue();
        assertThat(recorder.stats(Leg.CALLER).afterEnd()).isEqualTo(1);
        assertThatThrownBy(() -> recorder.finish(at(30))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already finished");
    }

    @Test
    void finishBeforeWhatWasWrittenOut_writesNothingMore() {
        recorder.flushUntil(at(1120));

        recorder.finish(at(500));

        assertThat(sink.frames()).isEqualTo(8000);
    }

    @Test
    void audioBeyondTheEnd_isDiscarded() {
        Talker caller = new Talker(G711.ULAW, 0, 1, 0, 0, 400, 0.1);
        for (int i = 0; i < 5; i++) {
            send(caller, i, 20.0 * i, PacketOutcome.RECORDED);
        }

        recorder.finish(at(50));

        assertThat(sink.channel(0)).isEqualTo(caller.decoded(0, 400));
    }

    @Test
    void oversizedPacket_isDropped() {
        assertThat(recorder.receive(Leg.CALLEE, RtpTestPackets.packet(0, 1, 0, 1, new byte[8001]), at(0)))
                .isEqualTo(PacketOutcome.OVERSIZED);
        assertThat(recorder.stats(Leg.CALLEE).oversized()).isEqualTo(1);
    }

    @Test
    void settingsAndMaps_refuseNonsense() {
        assertThatThrownBy(() -> new RecorderSettings(Duration.ofSeconds(3), Duration.ofSeconds(1)))
                .hasMessageContaining("playout window must be 0 to 2 s");
        assertThatThrownBy(() -> new RecorderSettings(Duration.ofMillis(120), Duration.ofMillis(10)))
                .hasMessageContaining("re-anchor threshold must be 100 ms to 60 s");
        assertThatThrownBy(() -> new PayloadMap(Map.of(128, PayloadKind.PCMU)))
                .hasMessageContaining("payload type must be 0 to 127");
        assertThatThrownBy(() -> new PayloadMap(Map.of(96, PayloadKind.UNKNOWN)))
                .hasMessageContaining("do not map 96");
    }
}
