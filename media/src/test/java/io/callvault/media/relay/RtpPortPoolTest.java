package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Port pairs bound for real on 127.0.0.1, in a range below Linux's ephemeral ports (32768+) so that no
 * other test's client socket lands in it by chance.
 */
class RtpPortPoolTest {
    private static final int FIRST = 23100;
    private final List<DatagramSocket> opened = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        opened.forEach(DatagramSocket::close);
    }

    @Test
    void allocations_areEvenRtpWithNextOddRtcp() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST, FIRST + 9);

        for (int i = 0; i < 5; i++) {
            PortPair pair = pool.allocate(this::bindBoth).ports();
            assertThat(pair.rtp() % 2).isZero();
            assertThat(pair.rtcp()).isEqualTo(pair.rtp() + 1);
            assertThat(pair.rtp()).isBetween(FIRST, FIRST + 8);
        }
        assertThat(pool.inUse()).isEqualTo(5);
    }

    @Test
    void oddFirstPort_isRoundedUpToEven() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST + 1, FIRST + 4);

        assertThat(pool.capacity()).isEqualTo(1);
        assertThat(pool.allocate(this::bindBoth).ports()).isEqualTo(PortPair.ofRtp(FIRST + 2));
    }

    @Test
    void exhaustedRange_failsNamingRangeAndUsage() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST, FIRST + 3);
        pool.allocate(this::bindBoth);
        pool.allocate(this::bindBoth);

        assertThatThrownBy(() -> pool.allocate(this::bindBoth))
                .isInstanceOf(PortPoolExhaustedException.class)
                .hasMessageContaining("127.0.0.1:" + FIRST + "-" + (FIRST + 3))
                .hasMessageContaining("2 pairs, 2 in use by callvault calls, 0 bound by other processes")
                .hasMessageContaining("widen the RTP port range");
    }

    @Test
    void releasedPair_isReused() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST, FIRST + 3);
        RtpPortPool.Lease<DatagramSocket[]> first = pool.allocate(this::bindBoth);
        pool.allocate(this::bindBoth);

        closeBoth(first.bound());
        first.release();
        first.release();

        assertThat(pool.inUse()).isEqualTo(1);
        assertThat(pool.allocate(this::bindBoth).ports()).isEqualTo(first.ports());
    }

    @Test
    void portBoundByAnotherProcess_isSkipped() throws IOException {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST, FIRST + 5);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(UdpPeer.LOOPBACK, FIRST + 1))) {
            RtpPortPool.Lease<DatagramSocket[]> lease = pool.allocate(this::bindBoth);

            assertThat(lease.ports()).isEqualTo(PortPair.ofRtp(FIRST + 2));
            assertThat(pool.inUse()).isEqualTo(1);
            assertThat(squatter.isBound()).isTrue();
        }
    }

    @Test
    void everyFreePortHeldElsewhere_failsCountingThem() throws IOException {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST, FIRST + 3);
        pool.allocate(this::bindBoth);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(UdpPeer.LOOPBACK, FIRST + 2))) {
            assertThatThrownBy(() -> pool.allocate(this::bindBoth))
                    .isInstanceOfSatisfying(PortPoolExhaustedException.class, e -> {
                        assertThat(e.inUse()).isEqualTo(1);
                        assertThat(e.boundElsewhere()).isEqualTo(1);
                        assertThat(e.getCause()).isInstanceOf(IOException.class);
                    })
                    .hasMessageContaining("1 bound by other processes");
            assertThat(squatter.isBound()).isTrue();
        }
        assertThat(pool.inUse()).isEqualTo(1);
    }

    @Test
    void binderRuntimeFailure_freesPairAndPropagates() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, FIRST, FIRST + 3);

        assertThatThrownBy(() -> pool.allocate((rtp, rtcp) -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(pool.inUse()).isZero();
    }

    @Test
    void rangeWithoutPair_isRejected() {
        assertThatThrownBy(() -> new RtpPortPool(UdpPeer.LOOPBACK, FIRST + 1, FIRST + 2))
                .hasMessageContaining("holds no even/odd pair");
        assertThatThrownBy(() -> new RtpPortPool(UdpPeer.LOOPBACK, 30000, 20000))
                .hasMessageContaining("first <= last");
    }

    private DatagramSocket[] bindBoth(InetSocketAddress rtp, InetSocketAddress rtcp) throws IOException {
        DatagramSocket rtpSocket = new DatagramSocket(rtp);
        try {
            DatagramSocket[] both = {rtpSocket, new DatagramSocket(rtcp)};
            opened.addAll(List.of(both));
            return both;
        } catch (IOException e) {
            rtpSocket.close();
            throw e;
        }
    }

    private static void closeBoth(DatagramSocket[] sockets) {
        for (DatagramSocket socket : sockets) {
            socket.close();
        }
    }
}
