package io.callvault.sip.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads datagrams off the UDP socket; one datagram is one message (RFC 3261 §18.3). */
final class UdpReader extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReader.class);

    private final Inbound inbound;

    UdpReader(Inbound inbound) {
        this.inbound = inbound;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        byte[] raw = ByteBufUtil.getBytes(packet.content());
        inbound.datagram(raw, Peer.udp(packet.sender()));
    }

    /** ICMP errors and the like: the socket lives on (UDP has no connection to lose). */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("UDP socket error (ignored)", cause);
    }
}
