package io.callvault.media.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media anchor of one callvault server: owns the event-loop threads and the RTP port pool, and opens
 * one {@link RelaySession} per call.
 *
 * <p>Each session is pinned to one event loop (chosen round-robin), and all four of its sockets are
 * registered there, so a packet is read, checked, observed and written by one thread without locks or
 * hand-offs. Sessions spread over the threads; a thread serves many sessions.
 *
 * <p>Buffers: sockets read into pooled direct buffers of 2 KiB (an Ethernet-MTU datagram fits; RTP from
 * softphones is 100-1300 bytes), and the received buffer itself is what the other leg sends.
 *
 * <p>Threading: {@link #openSession} binds four sockets and waits for it (well under a millisecond each),
 * so call it from a SIP or worker thread, never from the relay's own event loops. Everything else is safe
 * from any thread.
 */
public final class MediaRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaRelay.class);
    /** A datagram larger than this is truncated; no softphone codec comes near it. */
    static final int MAX_DATAGRAM = 2048;

    private final RelayConfig config;
    private final LongSupplier nanoClock;
    private final RtpPortPool ports;
    private final RelayTransport transport;
    private final EventLoopGroup group;
    private final ChannelFactory<? extends Channel> channels;
    private final Set<RelaySession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public MediaRelay(RelayConfig config) {
        this(config, System::nanoTime);
    }

    /** @param nanoClock monotonic nanoseconds for arrival times, latching and idle detection; tests fake it */
    public MediaRelay(RelayConfig config, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.ports = new RtpPortPool(config.bindAddress(), config.firstPort(), config.lastPort());
        NettyTransport netty = NettyTransport.select(config.transport());
        this.transport = netty.kind();
        this.channels = netty.channels();
        this.group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(),
                new DefaultThreadFactory("callvault-media-relay", true), netty.ioHandlers());
        log.info("media relay on {} with {} over {} thread(s)", ports.describeRange(), transport,
                config.effectiveIoThreads());
    }

    /**
     * Opens the sockets of one call: two port pairs from the pool, bound on {@link RelayConfig#bindAddress()}.
     *
     * @param label for logs, typically the SIP Call-ID
     * @param chain the stages every accepted RTP packet runs through before forwarding
     * @throws PortPoolExhaustedException when no two port pairs can be bound
     * @throws IllegalStateException      when the relay is closed or this is one of its event-loop threads
     */
    public RelaySession openSession(String label, RelayChain chain) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(chain, "chain");
        if (closed) {
            throw new IllegalStateException("media relay is closed; no new call media can be opened");
        }
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException(
                        "openSession blocks while binding sockets; call it from a SIP or worker thread, not a relay event loop");
            }
        }
        RelaySession session = RelaySession.open(label, group.next(), nanoClock, chain, config.latch(), ports,
                this::bind, sessions::remove);
        sessions.add(session);
        if (closed) {
            session.close();
            throw new IllegalStateException("media relay closed while the call's media was opening");
        }
        return session;
    }

    /** EPOLL or NIO, whichever the relay runs on. */
    public RelayTransport transport() {
        return transport;
    }

    public int openSessions() {
        return sessions.size();
    }

    /** Port pairs held by open sessions (two per call). */
    public int portPairsInUse() {
        return ports.inUse();
    }

    public int portPairCapacity() {
        return ports.capacity();
    }

    /** Closes every open session, then stops the event loops. Idempotent; waits up to a few seconds. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RelaySession session : sessions) {
            session.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * Closes a channel whose bind failed. Depending on the transport it may not be registered with its
     * event loop yet, and closing it then throws; either way the port was not ours, so nothing is lost.
     */
    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (RuntimeException notRegistered) {
            try {
                channel.unsafe().closeForcibly();
            } catch (RuntimeException ignored) {
                // nothing left to release
            }
        }
    }

    private Channel bind(EventLoop loop, LegSocket handler, InetSocketAddress local) throws IOException {
        ChannelFuture bound = new Bootstrap()
                .group(loop)
                .channelFactory(channels)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                // The leg's handler is not @Sharable and is reused when a port turns out to be taken, so it
                // joins the pipeline only once the bind has succeeded (datagrams before that are dropped).
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter())
                .bind(local)
                .awaitUninterruptibly();
        if (bound.isSuccess()) {
            Channel channel = bound.channel();
            // Added on the channel's own loop and waited for, so the handler is in place (and knows its
            // channel) before the caller sends anything to this socket.
            channel.eventLoop().submit(() -> channel.pipeline().addLast(handler)).syncUninterruptibly();
            return channel;
        }
        closeQuietly(bound.channel()); // a failed bind may leave the socket open (and maybe registered)
        Throwable cause = bound.cause();
        if (cause instanceof IOException io) {
            throw io;
        }
        throw new IOException("cannot bind media socket " + local, cause);
    }
}
