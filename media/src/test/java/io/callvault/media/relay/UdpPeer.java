package io.callvault.media.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A softphone's UDP socket on 127.0.0.1, as the tests need it: send to an address, receive with a timeout. */
final class UdpPeer implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramSocket socket;
    private final byte[] receiveBuffer = new byte[4096];

    UdpPeer() {
        this(0);
    }

    UdpPeer(int port) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
            socket.setReceiveBufferSize(1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The RTCP address a peer at this RTP address is assumed to use (RTP port + 1). */
    InetSocketAddress rtcpNeighbour() {
        return new InetSocketAddress(LOOPBACK, address().getPort() + 1);
    }

    void send(InetSocketAddress to, byte[] data) {
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram's bytes, or null when none arrives within {@code timeout}. */
    byte[] receive(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            DatagramPacket packet = new DatagramPacket(receiveBuffer, receiveBuffer.length);
            socket.receive(packet);
            return Arrays.copyOf(packet.getData(), packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts by returning: the next datagram within 2 s, failing the test otherwise. */
    byte[] receive() {
        byte[] data = receive(Duration.ofSeconds(2));
        if (data == null) {
            throw new AssertionError("no datagram reached " + address() + " within 2 s");
        }
        return data;
    }

    @Override
    public void close() {
        socket.close();
    }
}
