package io.callvault.sip.transport;

import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.codec.SipStreamFramer;
import io.callvault.sip.codec.StreamEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one TCP connection (either direction) through its own {@link SipStreamFramer} (RFC 3261
 * §18.3). A message that is framed but does not parse is reported and the connection stays; a framing
 * failure is reported and closes the connection once pending writes (such as a 400 written by the
 * handler) are flushed. CRLFCRLF pings get a CRLF pong (RFC 5626 §4.4.1). Idle connections close.
 * Runs on the connection's event loop only, which is what the framer needs.
 */
final class TcpReader extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TcpReader.class);
    private static final byte[] PONG = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Inbound inbound;
    private final SipStreamFramer framer;
    private Peer peer;

    TcpReader(Inbound inbound) {
        this.inbound = inbound;
        this.framer = new SipStreamFramer(inbound.parser());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        peer = Peer.tcp((InetSocketAddress) ctx.channel().remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        List<StreamEvent> events;
        ByteBuf in = (ByteBuf) msg;
        try {
            events = framer.feed(in);
        } finally {
            in.release();
        }
        for (StreamEvent event : events) {
            switch (event) {
                case StreamEvent.Message(ParseResult.Parsed parsed) -> inbound.message(parsed.message(), peer);
                case StreamEvent.Message(ParseResult.Failed failed) -> inbound.failure(failed, Inbound.NO_BYTES, peer);
                case StreamEvent.KeepAlivePing ping -> {
                    inbound.counters().keepAlives.increment();
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
                }
                case StreamEvent.FramingError error -> {
                    inbound.counters().framingFailures.increment();
                    inbound.failure(error.failure(), Inbound.NO_BYTES, peer);
                    ctx.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("closing idle SIP connection {}", peer);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("SIP connection {} failed; closing it", peer, cause);
        ctx.close();
    }
}
