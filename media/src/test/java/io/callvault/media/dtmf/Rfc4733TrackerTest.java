package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.RtpTestPackets;
import io.callvault.media.rtp.TelephoneEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Rfc4733TrackerTest {
    /** SIPp's canned RFC 2833 captures (package sip-tester), one key each, PT 101. */
    static final Path SIPP = Path.of("/usr/share/sip-tester");
    static final PayloadMap MAP = new PayloadMap(Map.of(0, PayloadKind.PCMU, 101, PayloadKind.TELEPHONE_EVENT));

    final Presses presses = new Presses();
    final Rfc4733Tracker tracker = new Rfc4733Tracker(MAP, presses);
    int seq = 100;

    static RtpPacket event(int seq, long ts, int event, boolean end, int duration) {
        ByteBuffer p = ByteBuffer.allocate(4);
        new TelephoneEvent(event, end, 10, duration).write(p);
        return RtpTestPackets.packet(101, seq & 0xffff, ts, 0x1234, p.array());
    }

    /** A whole press as a phone sends it: start (marker set by the caller's choice), updates, three ends. */
    void press(long ts, int event, int duration) {
        for (int d = 0; d < duration; d += 400) {
            tracker.offer(event(seq++, ts, event, false, d));
        }
        for (int i = 0; i < 3; i++) {
            tracker.offer(event(seq, ts, event, true, duration));
        }
        seq++;
    }

    void offerCapture(String name) throws IOException {
        Path file = SIPP.resolve("dtmf_2833_" + name + ".pcap");
        assumeTrue(Files.isReadable(file), "SIPp's captures are not installed (apt-get install sip-tester)");
        List<byte[]> packets = Pcap.udpPayloads(file);
        assertThat(packets).hasSize(10);
        for (byte[] udp : packets) {
            assertThat(tracker.offer(RtpPacket.wrap(udp, 0, udp.length))).isTrue();
        }
    }

    @Test
    void sippCapture_startUpdatesAndThreeEnds_isOnePressOf280Ms() throws IOException {
        offerCapture("4");

        assertThat(presses.started).containsExactly(new DigitEvent('4', 37120, DigitEvent.ONGOING));
        assertThat(presses.ended).containsExactly(new DigitEvent('4', 37120, 37120 + 2240));
    }

    @Test
    void sippCaptures_inTheirTimestampOrder_areOnePressEach() throws IOException {
        for (String name : new String[] {"1", "0", "2", "3", "4", "5", "6", "7", "8", "9", "star", "pound"}) {
            offerCapture(name);
        }

        assertThat(presses.keys()).isEqualTo("1023456789*#");
        assertThat(presses.ended).allSatisfy(e -> assertThat(e.endSample() - e.startSample()).isEqualTo(2240));
    }

    @Test
    void sippCaptures_fourThenOne_timestampSeconds_back_isARestartNotALatePacket() throws IOException {
        offerCapture("4");
        offerCapture("1");

        assertThat(presses.keys()).isEqualTo("41");
        assertThat(presses.ended.get(1)).isEqualTo(new DigitEvent('1', 13280, 13280 + 2240));
    }

    @Test
    void retransmittedStartAndEndPackets_countOnce() {
        for (int i = 0; i < 3; i++) {
            tracker.offer(event(seq, 8000, 5, false, 0));
        }
        press(8000, 5, 1600);

        assertThat(presses.keys()).isEqualTo("5");
        assertThat(presses.ended).containsExactly(new DigitEvent('5', 8000, 9600));
    }

    @Test
    void lostStartPacket_anUpdateStartsThePress() {
        tracker.offer(event(seq++, 8000, 7, false, 800));
        tracker.offer(event(seq++, 8000, 7, true, 1200));

        assertThat(presses.ended).containsExactly(new DigitEvent('7', 8000, 9200));
    }

    @Test
    void onlyAnEndPacketArrives_pressStartsAndEnds() {
        tracker.offer(event(seq++, 8000, 11, true, 960));

        assertThat(presses.started).containsExactly(new DigitEvent('#', 8000, DigitEvent.ONGOING));
        assertThat(presses.ended).containsExactly(new DigitEvent('#', 8000, 8960));
    }

    @Test
    void lostEndPackets_theNextPressEndsThePreviousAtItsLastDuration() {
        tracker.offer(event(seq++, 8000, 1, false, 0));
        tracker.offer(event(seq++, 8000, 1, false, 640));
        press(12000, 1, 800);

        assertThat(presses.keys()).isEqualTo("11");
        assertThat(presses.ended.getFirst()).isEqualTo(new DigitEvent('1', 8000, 8640));
    }

    @Test
    void lostEndPackets_expireEndsThePressOneSecondLater() {
        tracker.offer(event(seq++, 8000, 2, false, 640));

        tracker.expire(8640 + Rfc4733Tracker.STALE_AFTER);
        assertThat(presses.ended).isEmpty();
        tracker.expire(8640 + Rfc4733Tracker.STALE_AFTER + 1);

        assertThat(presses.ended).containsExactly(new DigitEvent('2', 8000, 8640));
        assertThat(tracker.pressed()).isFalse();
    }

    @Test
    void finish_endsAnOpenPress() {
        tracker.offer(event(seq++, 8000, 3, false, 320));
        tracker.finish();
        tracker.finish();

        assertThat(presses.ended).containsExactly(new DigitEvent('3', 8000, 8320));
    }

    @Test
    void lateUpdatesAfterTheEnd_andOlderTimestamps_changeNothing() {
        press(16000, 4, 800);
        tracker.offer(event(seq++, 16000, 4, false, 400));
        tracker.offer(event(seq++, 15000, 9, true, 400));
        tracker.offer(event(seq++, 8000, 9, false, 0));

        assertThat(presses.keys()).isEqualTo("4");
        assertThat(presses.ended).hasSize(1);
    }

    @Test
    void longEventInSegments_isOnePressWithTheWholeDuration() {
        tracker.offer(event(seq++, 1000, 0, false, 0));
        tracker.offer(event(seq++, 1000, 0, false, 0xffff));
        tracker.offer(event(seq++, 1000 + 0xffff, 0, false, 0));
        tracker.offer(event(seq++, 1000 + 0xffff, 0, true, 4000));

        assertThat(presses.keys()).isEqualTo("0");
        assertThat(presses.ended).containsExactly(new DigitEvent('0', 1000, 1000 + 0xffff + 4000));
    }

    @Test
    void timestampsAcrossTheWrap_keepIncreasing() {
        press(0xffff_f000L, 6, 800);
        press(0x0000_0800L, 8, 800);

        assertThat(presses.keys()).isEqualTo("68");
        assertThat(presses.started.get(1).startSample()).isEqualTo(0x1_0000_0800L);
    }

    @Test
    void flashAndShortPayloads_areTelephoneEventsButNoPress() {
        assertThat(tracker.offer(event(seq++, 8000, 16, true, 800))).isTrue();
        RtpPacket shortPayload = RtpTestPackets.packet(101, seq++, 9000, 0x1234, new byte[] {5, 0});
        assertThat(tracker.offer(shortPayload)).isTrue();

        assertThat(presses.started).isEmpty();
    }

    @Test
    void audioPackets_areNotTelephoneEvents() {
        RtpPacket audio = RtpTestPackets.packet(0, 1, 0, 0x1234, new byte[160]);

        assertThat(tracker.offer(audio)).isFalse();
        assertThat(tracker.isTelephoneEvent(101)).isTrue();
        tracker.updatePayloadMap(PayloadMap.STATIC);
        assertThat(tracker.isTelephoneEvent(101)).isFalse();
        assertThat(tracker.offer(event(seq++, 8000, 1, true, 800))).isFalse();
    }

    @Test
    void newSsrc_startsOver() {
        tracker.offer(event(seq++, 8000, 1, false, 320));
        ByteBuffer p = ByteBuffer.allocate(4);
        new TelephoneEvent(2, false, 10, 0).write(p);
        tracker.offer(RtpTestPackets.packet(101, 5, 8000, 0x9999, p.array()));

        assertThat(presses.keys()).isEqualTo("12");
        assertThat(presses.ended.getFirst()).isEqualTo(new DigitEvent('1', 8000, 8320));
    }
}
