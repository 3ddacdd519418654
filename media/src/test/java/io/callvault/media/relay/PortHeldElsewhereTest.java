package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A media port that another process holds is skipped: the session gets the next free pair, not an error. */
class PortHeldElsewhereTest {
    @Test
    void firstPairHeldByAnotherSocket_sessionOpensOnTheNextPair() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int base = 36_000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(500);
        for (RelayTransport transport : new RelayTransport[] {RelayTransport.NIO, RelayTransport.AUTO}) {
            try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(loopback, base));
                 MediaRelay relay = new MediaRelay(RelayConfig.defaults(loopback).withPorts(base, base + 7)
                         .withTransport(transport))) {
                RelaySession session = relay.openSession("held", RelayChain.none());
                assertThat(session.localRtp(Leg.A).getPort()).isNotEqualTo(base);
                assertThat(session.localRtp(Leg.B).getPort()).isNotEqualTo(base);
                session.close();
                assertThat(squatter.isBound()).isTrue();
            }
        }
    }
}
