package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Many calls at once, both directions, every packet accounted for; bounded to a few seconds. */
class RelayLoadTest {
    private static final int CALLS = 50;
    private static final int PACKETS = 200;

    @Test
    void fiftyCallsTwoHundredPacketsEachWay_forwardedWithoutLoss() throws Exception {
        List<AutoCloseable> toClose = new ArrayList<>();
        try (MediaRelay relay = new MediaRelay(RelayConfig.defaults(UdpPeer.LOOPBACK).withPorts(27000, 27999));
                ExecutorService receivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<RelaySession> calls = new ArrayList<>();
            List<UdpPeer[]> phones = new ArrayList<>();
            List<Future<Integer>> received = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                UdpPeer alice = new UdpPeer();
                UdpPeer bob = new UdpPeer();
                toClose.add(alice);
                toClose.add(bob);
                RelaySession call = relay.openSession("load-" + i, RelayChain.none());
                call.setRemote(Leg.A, alice.address());
                call.setRemote(Leg.B, bob.address());
                calls.add(call);
                phones.add(new UdpPeer[] {alice, bob});
                received.add(receivers.submit(() -> receiveAll(bob, 0xA0000 + calls.indexOf(call))));
                received.add(receivers.submit(() -> receiveAll(alice, 0xB0000 + calls.indexOf(call))));
            }

            for (int seq = 0; seq < PACKETS; seq++) {
                for (int i = 0; i < CALLS; i++) {
                    phones.get(i)[0].send(calls.get(i).localRtp(Leg.A), Packets.rtp(0xA0000 + i, seq));
                    phones.get(i)[1].send(calls.get(i).localRtp(Leg.B), Packets.rtp(0xB0000 + i, seq));
                }
                LockSupport.parkNanos(500_000); // pace rounds like a (fast) packetiser, not to wait for anything
            }

            for (Future<Integer> r : received) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(PACKETS);
            }
            for (RelaySession call : calls) {
                for (Leg leg : Leg.values()) {
                    StreamStats rtp = call.stats(leg).rtp();
                    assertThat(rtp.packetsForwarded()).isEqualTo(PACKETS);
                    assertThat(rtp.droppedTotal()).isZero();
                }
            }
        } finally {
            for (AutoCloseable c : toClose) {
                c.close();
            }
        }
    }

    /** Receives until every sequence number 0..PACKETS-1 arrived in order with the expected bytes. */
    private static int receiveAll(UdpPeer peer, int ssrc) {
        int count = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (count < PACKETS && System.nanoTime() < deadline) {
            byte[] packet = peer.receive(Duration.ofSeconds(2));
            if (packet == null) {
                break;
            }
            assertThat(packet).isEqualTo(Packets.rtp(ssrc, count));
            count++;
        }
        return count;
    }
}
