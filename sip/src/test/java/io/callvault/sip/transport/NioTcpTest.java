package io.callvault.sip.transport;

/** The TCP tests on Netty's NIO transport, the fallback where epoll is unavailable. */
class NioTcpTest extends NettySipTransportTcpTest {
    @Override
    IoFlavour flavour() {
        return IoFlavour.nio();
    }

    @Override
    String expectedIoName() {
        return "nio";
    }
}
