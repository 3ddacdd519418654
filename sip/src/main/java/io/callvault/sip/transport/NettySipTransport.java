package io.callvault.sip.transport;

import io.callvault.sip.codec.Limits;
import io.callvault.sip.codec.SipParser;
import io.callvault.sip.codec.SipSerializer;
import io.callvault.sip.message.SipMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP and TCP on one address and port (RFC 3261 §18), on Netty with epoll when the native
 * library loads and NIO otherwise. UDP: one datagram is one message, parsed whole. TCP: a listener plus
 * outgoing connections, each read through its own {@code SipStreamFramer}; connections in either
 * direction are reused for sends to the same remote address and closed when idle.
 *
 * <p>Threading: the {@link InboundHandler} runs on I/O threads (all UDP traffic on one, each TCP
 * connection on one). {@link #send} and {@link #sendAsync} may be called from any thread, I/O threads
 * included, and never block.
 */
public final class NettySipTransport implements SipTransport {
    private static final Logger LOG = LoggerFactory.getLogger(NettySipTransport.class);
    /** Largest UDP payload over IPv4 (65,535 - 8 UDP - 20 IP header bytes). */
    static final int MAX_UDP_PAYLOAD = 65_507;
    private static final int BIND_ATTEMPTS = 8;

    /**
     * Tuning with safe defaults.
     *
     * @param tcpIdleTimeout a TCP connection with no traffic either way for this long is closed
     * @param maxTcpConnections connections open at once (both directions); more are refused
     * @param advertisedAddress what {@link #localAddress} reports instead of the bind address; set it
     *     when binding a wildcard address, or behind a static NAT
     * @param ioThreads event-loop threads
     */
    public record Options(Duration tcpIdleTimeout, int maxTcpConnections, Optional<InetAddress> advertisedAddress,
            int ioThreads) {
        public static final Options DEFAULTS = new Options(Duration.ofMinutes(10), 10_000, Optional.empty(),
                Math.max(2, Runtime.getRuntime().availableProcessors()));

        public Options {
            Objects.requireNonNull(advertisedAddress, "advertisedAddress");
            if (tcpIdleTimeout.isNegative() || tcpIdleTimeout.toSeconds() < 1) {
                throw new IllegalArgumentException("tcpIdleTimeout must be at least 1 s, got " + tcpIdleTimeout);
            }
            if (maxTcpConnections < 1) {
                throw new IllegalArgumentException("maxTcpConnections must be at least 1, got " + maxTcpConnections);
            }
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
            }
        }

        public Options withAdvertisedAddress(InetAddress address) {
            return new Options(tcpIdleTimeout, maxTcpConnections, Optional.of(address), ioThreads);
        }
    }

    private final EventLoopGroup group;
    private final Channel udp;
    private final Channel tcpListener;
    private final TcpConnections tcp;
    private final TransportCounters counters;
    private final Optional<InetAddress> advertised;
    private final String ioName;
    private volatile boolean closed;

    private NettySipTransport(EventLoopGroup group, Channel udp, Channel tcpListener, TcpConnections tcp,
            TransportCounters counters, Optional<InetAddress> advertised, String ioName) {
        this.group = group;
        this.udp = udp;
        this.tcpListener = tcpListener;
        this.tcp = tcp;
        this.counters = counters;
        this.advertised = advertised;
        this.ioName = ioName;
    }

    /** {@link #start(InetAddress, int, Limits, InboundHandler, Options)} with {@link Options#DEFAULTS}. */
    public static NettySipTransport start(InetAddress bind, int port, Limits limits, InboundHandler handler)
            throws IOException {
        return start(bind, port, limits, handler, Options.DEFAULTS);
    }

    /**
     * Binds UDP and TCP on {@code bind:port} and returns once both are bound. Port 0 picks one free port
     * for both (tests). Throws {@link BindException} when the port is taken.
     */
    public static NettySipTransport start(InetAddress bind, int port, Limits limits, InboundHandler handler,
            Options options) throws IOException {
        return start(bind, port, limits, handler, options, IoFlavour.best());
    }

    /** With a chosen I/O implementation; tests run the suite on NIO too. */
    static NettySipTransport start(InetAddress bind, int port, Limits limits, InboundHandler handler,
            Options options, IoFlavour io) throws IOException {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.ioThreads(),
                new DefaultThreadFactory("callvault-sip", true), io.handlers());
        TransportCounters counters = new TransportCounters();
        Inbound inbound = new Inbound(new SipParser(limits), handler, counters);
        int idleSeconds = (int) Math.min(Integer.MAX_VALUE, options.tcpIdleTimeout().toSeconds());
        Bootstrap connector = new Bootstrap().group(group)
                .channel(io.stream())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(streamPipeline(inbound, idleSeconds));
        TcpConnections tcp = new TcpConnections(connector, options.maxTcpConnections(), counters);
        try {
            Channel[] bound = bindBoth(group, io, bind, port, inbound, tcp, idleSeconds);
            NettySipTransport transport = new NettySipTransport(group, bound[0], bound[1], tcp, counters,
                    options.advertisedAddress(), io.name());
            LOG.info("SIP transport listening on {} UDP and {} TCP ({})", bound[0].localAddress(),
                    bound[1].localAddress(), io.name());
            return transport;
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static ChannelInitializer<SocketChannel> streamPipeline(Inbound inbound, int idleSeconds) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new IdleStateHandler(0, 0, idleSeconds), new TcpReader(inbound));
            }
        };
    }

    /** UDP first, then TCP on the same port; with port 0, retries when the TCP port happens to be taken. */
    private static Channel[] bindBoth(EventLoopGroup group, IoFlavour io, InetAddress bind, int port,
            Inbound inbound, TcpConnections tcp, int idleSeconds) throws IOException {
        ChannelInitializer<SocketChannel> accepted = new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (tcp.accepted(ch)) {
                    ch.pipeline().addLast(new IdleStateHandler(0, 0, idleSeconds), new TcpReader(inbound));
                }
            }
        };
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            Channel udp = await(new Bootstrap().group(group)
                    .channel(io.datagram())
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
                    .option(ChannelOption.SO_RCVBUF, 1 << 20)
                    .handler(new UdpReader(inbound))
                    .bind(new InetSocketAddress(bind, port)), "UDP", bind, port);
            int udpPort = ((InetSocketAddress) udp.localAddress()).getPort();
            try {
                Channel listener = await(new ServerBootstrap().group(group)
                        .channel(io.listener())
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(accepted)
                        .bind(new InetSocketAddress(bind, udpPort)), "TCP", bind, udpPort);
                return new Channel[] {udp, listener};
            } catch (IOException e) {
                udp.close().awaitUninterruptibly();
                last = e;
            }
        }
        throw last;
    }

    private static Channel await(ChannelFuture f, String what, InetAddress bind, int port) throws IOException {
        f.awaitUninterruptibly();
        if (!f.isSuccess()) {
            BindException e = new BindException("cannot bind SIP " + what + " on " + bind.getHostAddress() + ":"
                    + port + " (is another SIP server running there?): " + f.cause().getMessage());
            e.initCause(f.cause());
            throw e;
        }
        return f.channel();
    }

    static IOException asIo(Throwable cause, String context) {
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(context + ": " + cause, cause);
    }

    /**
     * Hands the message to the socket. Throws for faults known at once: the transport is closed, a
     * message too large for one UDP datagram (send it over TCP, RFC 3261 §18.1.1), the TCP connection
     * limit. Later faults are counted; use {@link #sendAsync} to see them.
     */
    @Override
    public void send(SipMessage message, Peer to) throws IOException {
        CompletableFuture<Void> result = sendAsync(message, to).toCompletableFuture();
        if (result.isCompletedExceptionally()) {
            throw asIo(result.exceptionNow(), "cannot send to " + to);
        }
    }

    @Override
    public CompletionStage<Void> sendAsync(SipMessage message, Peer to) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(to, "to");
        CompletableFuture<Void> result;
        if (closed) {
            result = CompletableFuture.failedFuture(new IOException("the SIP transport is closed"));
        } else {
            byte[] bytes = SipSerializer.serialize(message);
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            result = switch (to.transport()) {
                case UDP -> bytes.length > MAX_UDP_PAYLOAD
                        ? CompletableFuture.failedFuture(new IOException("a message of " + bytes.length
                                + " bytes does not fit one UDP datagram; send it over TCP (RFC 3261 §18.1.1)"))
                        : sendDatagram(new DatagramPacket(buf, to.address()));
                case TCP -> tcp.write(to.address(), buf);
            };
        }
        return result.whenComplete((ok, failure) -> {
            if (failure == null) {
                counters.messagesOut.increment();
            } else {
                counters.sendFailures.increment();
            }
        });
    }

    private CompletableFuture<Void> sendDatagram(DatagramPacket packet) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        udp.writeAndFlush(packet).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(asIo(f.cause(), "cannot send to " + packet.recipient()));
            }
        });
        return sent;
    }

    @Override
    public InetSocketAddress localAddress(TransportKind kind) {
        InetSocketAddress bound = (InetSocketAddress) (kind == TransportKind.UDP ? udp : tcpListener).localAddress();
        return advertised.map(a -> new InetSocketAddress(a, bound.getPort())).orElse(bound);
    }

    public TransportCounters counters() {
        return counters;
    }

    /** "epoll" or "nio". */
    public String ioName() {
        return ioName;
    }

    /** Closes the sockets and every connection and stops the I/O threads; waits up to a few seconds. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        udp.close();
        tcpListener.close();
        tcp.closeAll();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
