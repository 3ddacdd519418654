package io.callvault.media.relay;

/** The forwarding contract on JDK NIO. */
class NioRelayForwardingTest extends RelayForwardingContract {
    @Override
    RelayTransport transport() {
        return RelayTransport.NIO;
    }

    @Override
    int firstPort() {
        return 24000;
    }
}
