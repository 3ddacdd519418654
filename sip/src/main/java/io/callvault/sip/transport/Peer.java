package io.callvault.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The other end of one message: the transport and the socket address. For a message received it is
 * the packet's source (UDP) or the connection's remote address (TCP); responses go back there
 * (symmetric response routing, RFC 3581). The address must be resolved: transports do not look up
 * names (RFC 3263 resolution is the caller's job).
 */
public record Peer(TransportKind transport, InetSocketAddress address) {

    public Peer {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("peer address " + address + " is unresolved; resolve it first"
                    + " (RFC 3263) and pass an IP address");
        }
    }

    public static Peer udp(InetSocketAddress address) {
        return new Peer(TransportKind.UDP, address);
    }

    public static Peer tcp(InetSocketAddress address) {
        return new Peer(TransportKind.TCP, address);
    }

    @Override
    public String toString() {
        return transport + ":" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
