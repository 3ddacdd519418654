package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Symmetric RTP latching through real sockets (rule: {@link Latch}). Leg A is the phone whose address
 * changes; bob on leg B is the witness. The relay clock is faked, so the quiet period passes only when
 * the test says so.
 */
class RelayLatchingTest {
    private static final LatchPolicy POLICY = new LatchPolicy(5, Duration.ofMillis(200));

    private final FakeNanoClock clock = new FakeNanoClock();
    private MediaRelay relay;
    private RelaySession call;
    private UdpPeer alice;
    private UdpPeer bob;

    @BeforeEach
    void open() {
        relay = new MediaRelay(RelayConfig.defaults(UdpPeer.LOOPBACK).withPorts(26000, 26099).withIoThreads(1)
                .withLatch(POLICY), clock);
        call = relay.openSession("latching", RelayChain.none());
        alice = new UdpPeer();
        bob = new UdpPeer();
        call.setRemote(Leg.B, bob.address());
    }

    @AfterEach
    void close() {
        relay.close();
        alice.close();
        bob.close();
    }

    @Test
    void wrongSdpAddress_usedUntilFirstPacketThenRepliesGoToRealSource() {
        try (UdpPeer sdpSays = new UdpPeer()) {
            call.setRemote(Leg.A, sdpSays.address());

            bob.send(call.localRtp(Leg.B), Packets.rtp(2, 1));
            assertThat(Packets.sequence(sdpSays.receive())).isEqualTo(1);

            alice.send(call.localRtp(Leg.A), Packets.rtp(1, 1));
            assertThat(Packets.sequence(bob.receive())).isEqualTo(1);
            bob.send(call.localRtp(Leg.B), Packets.rtp(2, 2));

            assertThat(Packets.sequence(alice.receive())).isEqualTo(2);
            assertThat(call.stats(Leg.A).rtp().latchedSource()).isEqualTo(alice.address());
            assertThat(call.stats(Leg.A).rtp().declaredRemote()).isEqualTo(sdpSays.address());
        }
    }

    @Test
    void unknownSdpAddress_firstPacketLatches() {
        alice.send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        assertThat(Packets.sequence(bob.receive())).isEqualTo(1);

        bob.send(call.localRtp(Leg.B), Packets.rtp(2, 1));

        assertThat(Packets.ssrc(alice.receive())).isEqualTo(2);
    }

    @Test
    void natRebinding_relatchesOnFifthPacketAfterQuietPeriod() {
        call.setRemote(Leg.A, alice.address());
        alice.send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        bob.receive();

        try (UdpPeer rebound = new UdpPeer()) {
            for (int seq = 2; seq <= 5; seq++) {
                rebound.send(call.localRtp(Leg.A), Packets.rtp(1, seq));
            }
            Eventually.await("4 packets from the new source held back",
                    () -> call.stats(Leg.A).rtp().dropped(DropReason.UNTRUSTED_SOURCE) == 4);
            clock.advance(POLICY.quietPeriod());
            rebound.send(call.localRtp(Leg.A), Packets.rtp(1, 6));

            assertThat(Packets.sequence(bob.receive())).isEqualTo(6);
            bob.send(call.localRtp(Leg.B), Packets.rtp(2, 1));
            assertThat(Packets.ssrc(rebound.receive())).isEqualTo(2);
            assertThat(call.stats(Leg.A).rtp().relatches()).isEqualTo(1);
            assertThat(call.stats(Leg.A).rtp().latchedSource()).isEqualTo(rebound.address());
        }
    }

    @Test
    void singleSpoofedPacket_doesNotStealStream() {
        alice.send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        bob.receive();
        clock.advance(Duration.ofSeconds(1));

        try (UdpPeer spoofer = new UdpPeer()) {
            spoofer.send(call.localRtp(Leg.A), Packets.rtp(666, 1));
            alice.send(call.localRtp(Leg.A), Packets.rtp(1, 2));
            assertThat(Packets.ssrc(bob.receive())).isEqualTo(1);

            bob.send(call.localRtp(Leg.B), Packets.rtp(2, 1));

            assertThat(Packets.ssrc(alice.receive())).isEqualTo(2);
            assertThat(call.stats(Leg.A).rtp().dropped(DropReason.UNTRUSTED_SOURCE)).isEqualTo(1);
            assertThat(call.stats(Leg.A).rtp().relatches()).isZero();
        }
    }

    @Test
    void spooferBurstingBetweenLivePackets_neverTakesOver() {
        alice.send(call.localRtp(Leg.A), Packets.rtp(1, 0));
        bob.receive();

        try (UdpPeer spoofer = new UdpPeer()) {
            for (int seq = 1; seq <= 15; seq++) {
                for (int burst = 0; burst < 10; burst++) {
                    spoofer.send(call.localRtp(Leg.A), Packets.rtp(666, seq * 100 + burst));
                }
                clock.advance(Duration.ofMillis(20));
                alice.send(call.localRtp(Leg.A), Packets.rtp(1, seq));
                assertThat(Packets.ssrc(bob.receive())).as("packet %d", seq).isEqualTo(1);
            }
        }

        assertThat(call.stats(Leg.A).rtp().dropped(DropReason.UNTRUSTED_SOURCE)).isEqualTo(150);
        assertThat(call.stats(Leg.A).rtp().latchedSource()).isEqualTo(alice.address());
    }
}
