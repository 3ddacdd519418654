package io.callvault.media.relay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The forwarding contract on native epoll; skipped where epoll is unavailable. */
class EpollRelayForwardingTest extends RelayForwardingContract {
    @BeforeAll
    static void requireEpoll() {
        assumeTrue(NettyTransport.epollUnavailability() == null, "native epoll unavailable here");
    }

    @Override
    RelayTransport transport() {
        return RelayTransport.EPOLL;
    }

    @Override
    int firstPort() {
        return 25000;
    }
}
