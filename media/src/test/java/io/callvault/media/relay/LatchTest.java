package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The latching rule alone, on a hand-driven clock (see {@link Latch} for the rule). */
class LatchTest {
    private static final long MS = 1_000_000L;
    private static final LatchPolicy POLICY = new LatchPolicy(5, Duration.ofMillis(200));
    private static final InetSocketAddress SDP = address("192.0.2.10", 4000);
    private static final InetSocketAddress PHONE = address("198.51.100.7", 31000);
    private static final InetSocketAddress REBOUND = address("198.51.100.7", 31338);
    private static final InetSocketAddress SPOOFER = address("203.0.113.66", 5555);

    private final Latch latch = new Latch(POLICY, null);

    @Test
    void noSdpNoPackets_hasNoTarget() {
        assertThat(latch.target()).isNull();
    }

    @Test
    void sdpOnly_targetsSdpAddress() {
        latch.declare(SDP);

        assertThat(latch.target()).isEqualTo(SDP);
        assertThat(latch.latched()).isNull();
    }

    @Test
    void firstPacket_latchesOverSdpAddress() {
        latch.declare(SDP);

        assertThat(latch.accept(PHONE, 0)).isTrue();

        assertThat(latch.target()).isEqualTo(PHONE);
        assertThat(latch.relatches()).isZero();
    }

    @Test
    void singleSpoofedPacket_isRejectedAndLatchKept() {
        latch.accept(PHONE, 0);

        assertThat(latch.accept(SPOOFER, 500 * MS)).isFalse();

        assertThat(latch.target()).isEqualTo(PHONE);
    }

    @Test
    void spooferInterleavedWithLiveStream_neverTakesOver() {
        for (int i = 0; i < 100; i++) {
            long t = i * 20 * MS;
            assertThat(latch.accept(PHONE, t)).isTrue();
            for (int burst = 0; burst < 10; burst++) {
                assertThat(latch.accept(SPOOFER, t + burst * MS)).isFalse();
            }
        }

        assertThat(latch.target()).isEqualTo(PHONE);
    }

    @Test
    void newSourceAfterQuietPeriod_relatchesOnNthConsecutivePacket() {
        latch.accept(PHONE, 0);

        for (int i = 1; i < 5; i++) {
            assertThat(latch.accept(REBOUND, (200 + i * 20) * MS)).as("packet %d", i).isFalse();
        }
        assertThat(latch.accept(REBOUND, 300 * MS)).isTrue();

        assertThat(latch.target()).isEqualTo(REBOUND);
        assertThat(latch.relatches()).isEqualTo(1);
    }

    @Test
    void newSourceBeforeQuietPeriod_waitsForSilenceOfOldSource() {
        latch.accept(PHONE, 0);
        for (int i = 1; i <= 8; i++) {
            assertThat(latch.accept(REBOUND, i * 20 * MS)).isFalse();
        }

        assertThat(latch.accept(REBOUND, 200 * MS)).isTrue();
    }

    @Test
    void packetFromLatchedSource_resetsCandidateRun() {
        latch.accept(PHONE, 0);
        for (int i = 1; i <= 4; i++) {
            latch.accept(REBOUND, (300 + i) * MS);
        }
        latch.accept(PHONE, 310 * MS);

        assertThat(latch.accept(REBOUND, 600 * MS)).isFalse();
        assertThat(latch.target()).isEqualTo(PHONE);
    }

    @Test
    void packetFromSdpAddress_takesOverAtOnce() {
        latch.declare(SDP);
        latch.accept(SPOOFER, 0);

        assertThat(latch.accept(SDP, MS)).isTrue();

        assertThat(latch.target()).isEqualTo(SDP);
    }

    @Test
    void changedSdpAddress_restartsLatching() {
        latch.declare(SDP);
        latch.accept(PHONE, 0);

        latch.declare(address("192.0.2.99", 4100));

        assertThat(latch.target()).isEqualTo(address("192.0.2.99", 4100));
        assertThat(latch.accept(REBOUND, MS)).isTrue();
        assertThat(latch.target()).isEqualTo(REBOUND);
    }

    @Test
    void repeatedSameSdpAddress_keepsLatch() {
        latch.declare(SDP);
        latch.accept(PHONE, 0);

        latch.declare(address("192.0.2.10", 4000));

        assertThat(latch.target()).isEqualTo(PHONE);
        assertThat(latch.accept(SPOOFER, MS)).isFalse();
    }

    @Test
    void rtcpFromHostOfLatchedRtp_relatchesAtOnce() {
        Latch rtp = new Latch(POLICY, null);
        Latch rtcp = new Latch(POLICY, rtp);
        rtp.accept(PHONE, 0);
        rtcp.accept(address("198.51.100.7", 31001), 0);

        assertThat(rtcp.accept(address("198.51.100.7", 40001), MS)).isTrue();
        assertThat(rtcp.accept(address("203.0.113.66", 40001), 2 * MS)).isFalse();

        assertThat(rtcp.target()).isEqualTo(address("198.51.100.7", 40001));
    }

    private static InetSocketAddress address(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
