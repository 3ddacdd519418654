package io.callvault.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local socket of one leg (RTP or RTCP), as the Netty handler of its channel. Receives a datagram,
 * checks it, latches its source, runs the chain's stages (RTP only), and hands the very same buffer to the
 * socket of the same kind on the other leg, addressed to that socket's far end.
 *
 * <p>Threading: all four sockets of a session are registered on one event loop, so this handler, its
 * {@link Latch} and the peer's state it reads are confined to that thread and need no locks. Counters are
 * published to other threads by {@link StreamCounters}.
 *
 * <p>Buffer ownership: the received {@link DatagramPacket} owns one reference to a pooled direct buffer.
 * Forwarding transfers that reference to the outgoing write (the payload is never copied); every other
 * path releases it here. Writes are flushed once per read burst ({@link #channelReadComplete}), so a burst
 * of datagrams leaves in one pass of the outgoing socket.
 *
 * <p>Logging: nothing per packet. A failing stage or socket error is logged once per socket, then only
 * counted.
 */
final class LegSocket extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(LegSocket.class);
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    final Leg leg;
    final StreamKind kind;
    final Latch latch;
    final StreamCounters counters = new StreamCounters();

    private final RelaySession session;
    private final RelayStage[] stages;
    private final LongSupplier clock;
    private LegSocket peer;
    private Channel channel;
    private boolean peerNeedsFlush;
    private boolean loggedStageFailure;
    private boolean loggedSocketError;

    LegSocket(RelaySession session, Leg leg, StreamKind kind, Latch latch, RelayChain chain, LongSupplier clock) {
        this.session = session;
        this.leg = leg;
        this.kind = kind;
        this.latch = latch;
        this.stages = kind == StreamKind.RTP ? chain.stages().toArray(RelayStage[]::new) : new RelayStage[0];
        this.clock = clock;
    }

    /** Called once, before the socket is bound. */
    void pairWith(LegSocket other) {
        this.peer = other;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.fireChannelRegistered();
    }

    /** The relay adds this handler after a successful bind, when the channel is already registered. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!relay(packet)) {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (peerNeedsFlush) {
            peerNeedsFlush = false;
            peer.channel.flush();
        }
    }

    /** Failed writes (they use the void promise) and read errors arrive here. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        counters.socketError();
        if (!loggedSocketError) {
            loggedSocketError = true;
            log.warn("media relay socket error on call {} leg {} {} ({}); further errors on this socket are only counted",
                    session.label(), leg, kind, ctx.channel().localAddress(), cause);
        }
    }

    /** @return true when the packet's buffer went to the outgoing socket, false when the caller releases it */
    private boolean relay(DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        long now = clock.getAsLong();
        counters.received(length);
        if (session.isClosing()) {
            counters.dropped(DropReason.CLOSED);
            return false;
        }
        boolean muxedRtcp = kind == StreamKind.RTP && looksLikeRtcp(content);
        if (!wellFormed(content, length, kind == StreamKind.RTCP || muxedRtcp)) {
            counters.dropped(DropReason.MALFORMED);
            return false;
        }
        if (!latch.accept(packet.sender(), now)) {
            counters.dropped(DropReason.UNTRUSTED_SOURCE);
            return false;
        }
        if (!muxedRtcp) {
            counters.accepted(now); // media time: RTCP keeps flowing on hold, so muxed RTCP must not count
        }
        if (stages.length > 0 && !muxedRtcp && !runStages(content, length, now)) {
            counters.dropped(DropReason.STAGE);
            return false;
        }
        Channel out = peer.channel;
        InetSocketAddress target = peer.latch.target();
        if (out == null || target == null) {
            counters.dropped(DropReason.NO_REMOTE);
            return false;
        }
        if (!out.isWritable()) {
            counters.dropped(DropReason.BACKPRESSURE);
            return false;
        }
        out.write(new DatagramPacket(content, target), out.voidPromise());
        peerNeedsFlush = true;
        counters.forwarded(length);
        return true;
    }

    /**
     * Treats {@code content} as an RTP packet that arrived on this leg from callvault itself (no latching,
     * no source check): runs the stages, then forwards it to the peer leg. Event loop only. Takes ownership
     * of {@code content}.
     */
    void injectGenerated(ByteBuf content) {
        int length = content.readableBytes();
        long now = clock.getAsLong();
        if (session.isClosing() || !wellFormed(content, length, false)
                || (stages.length > 0 && !runStages(content, length, now))) {
            content.release();
            return;
        }
        Channel out = peer.channel;
        InetSocketAddress target = peer.latch.target();
        if (out == null || target == null || !out.isWritable()) {
            content.release();
            return;
        }
        out.writeAndFlush(new DatagramPacket(content, target), out.voidPromise());
        counters.forwarded(length);
    }

    /**
     * Runs the stages over views of the packet's own memory. A received datagram is one contiguous pooled
     * buffer, so {@code nioBuffer} shares its bytes and a rewrite lands in what is sent.
     *
     * @return false when a rewrite stage dropped the packet
     */
    private boolean runStages(ByteBuf content, int length, long now) {
        int index = content.readerIndex();
        ByteBuffer writable = null;
        ByteBuffer readOnly = null;
        for (RelayStage stage : stages) {
            switch (stage) {
                case RelayStage.Observe observe -> {
                    if (readOnly == null) {
                        readOnly = content.nioBuffer(index, length).asReadOnlyBuffer();
                    }
                    readOnly.clear();
                    try {
                        observe.observer().onRtp(leg, readOnly, now);
                    } catch (RuntimeException e) {
                        stageFailed(stage, e);
                    }
                }
                case RelayStage.Rewrite rewrite -> {
                    if (writable == null) {
                        writable = content.nioBuffer(index, length);
                    }
                    writable.clear();
                    boolean pass;
                    try {
                        pass = rewrite.rewriter().rewrite(leg, writable, now);
                    } catch (RuntimeException e) {
                        stageFailed(stage, e);
                        pass = false;
                    }
                    if (!pass) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void stageFailed(RelayStage stage, RuntimeException e) {
        counters.stageError();
        if (!loggedStageFailure) {
            loggedStageFailure = true;
            log.warn("media relay stage '{}' failed on call {} leg {}; further failures on this socket are only counted",
                    stage.name(), session.label(), leg, e);
        }
    }

    /** RFC 5761 §4: on a multiplexed port, a second byte of 192-223 is an RTCP packet type. */
    private static boolean looksLikeRtcp(ByteBuf content) {
        if (content.readableBytes() < 2) {
            return false;
        }
        int type = content.getUnsignedByte(content.readerIndex() + 1);
        return type >= 192 && type <= 223;
    }

    /** Version 2 (RFC 3550 §5.1, §6.4) and at least the fixed header; STUN and garbage fail here. */
    private static boolean wellFormed(ByteBuf content, int length, boolean rtcp) {
        return length >= (rtcp ? RTCP_HEADER : RTP_HEADER)
                && (content.getUnsignedByte(content.readerIndex()) & 0xC0) == 0x80;
    }
}
