package io.callvault.sip.transport;

/** The UDP tests on Netty's NIO transport, the fallback where epoll is unavailable. */
class NioUdpTest extends NettySipTransportUdpTest {
    @Override
    IoFlavour flavour() {
        return IoFlavour.nio();
    }

    @Override
    String expectedIoName() {
        return "nio";
    }
}
