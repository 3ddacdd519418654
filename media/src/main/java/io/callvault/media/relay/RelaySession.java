package io.callvault.media.relay;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call: two legs, each with a local RTP and RTCP socket, relaying to each other. Opened by
 * {@link MediaRelay#openSession}; put {@link #localRtp} in the SDP each side receives, give each leg the
 * address its own SDP declared with {@link #setRemote}, and {@link #close} when the call ends.
 *
 * <p>A packet received on leg A's RTP socket leaves through leg B's RTP socket towards leg B's far end, and
 * the other way round; RTCP likewise. A leg's far end is the address its SDP declared until packets arrive,
 * then the address they come from ({@link Latch} has the rule and its limits). Until a far end is known,
 * packets meant for it are dropped and counted as {@link DropReason#NO_REMOTE}.
 *
 * <p>Threading: every public method may be called from any thread. Packets are handled on one event-loop
 * thread per session, which also runs the {@link RelayChain}'s stages. Statistics are read without locks.
 */
public final class RelaySession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);
    private static final long NEVER = Long.MIN_VALUE;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** Opens one local socket on the session's event loop; MediaRelay supplies it. */
    @FunctionalInterface
    interface SocketOpener {
        Channel bind(EventLoop loop, LegSocket handler, InetSocketAddress local) throws IOException;
    }

    /** The two channels bound for one leg's port pair. */
    private record LegChannels(Channel rtp, Channel rtcp) {}

    private final String label;
    private final EventLoop eventLoop;
    private final LongSupplier clock;
    private final long openedNanos;
    private final LegSocket[] sockets = new LegSocket[4];
    private final List<RtpPortPool.Lease<LegChannels>> leases = new ArrayList<>(2);
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Consumer<RelaySession> onClosed;
    private volatile boolean closing;

    private RelaySession(String label, EventLoop eventLoop, LongSupplier clock, RelayChain chain, LatchPolicy policy,
            Consumer<RelaySession> onClosed) {
        this.label = label;
        this.eventLoop = eventLoop;
        this.clock = clock;
        this.openedNanos = clock.getAsLong();
        this.onClosed = onClosed;
        for (Leg leg : Leg.values()) {
            Latch rtpLatch = new Latch(policy, null);
            sockets[index(leg, StreamKind.RTP)] = new LegSocket(this, leg, StreamKind.RTP, rtpLatch, chain, clock);
            sockets[index(leg, StreamKind.RTCP)] =
                    new LegSocket(this, leg, StreamKind.RTCP, new Latch(policy, rtpLatch), chain, clock);
        }
        for (StreamKind kind : StreamKind.values()) {
            socket(Leg.A, kind).pairWith(socket(Leg.B, kind));
            socket(Leg.B, kind).pairWith(socket(Leg.A, kind));
        }
    }

    /**
     * Binds both legs' port pairs on {@code eventLoop}; on failure closes whatever was bound, releases its
     * ports and rethrows (a {@link PortPoolExhaustedException} when the pool ran out).
     */
    static RelaySession open(String label, EventLoop eventLoop, LongSupplier clock, RelayChain chain,
            LatchPolicy policy, RtpPortPool pool, SocketOpener opener, Consumer<RelaySession> onClosed) {
        RelaySession session = new RelaySession(label, eventLoop, clock, chain, policy, onClosed);
        try {
            for (Leg leg : Leg.values()) {
                session.leases.add(pool.allocate((rtp, rtcp) -> {
                    Channel rtpChannel = opener.bind(eventLoop, session.socket(leg, StreamKind.RTP), rtp);
                    try {
                        return new LegChannels(rtpChannel,
                                opener.bind(eventLoop, session.socket(leg, StreamKind.RTCP), rtcp));
                    } catch (IOException | RuntimeException e) {
                        rtpChannel.close().syncUninterruptibly();
                        throw e;
                    }
                }));
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** The label given at open (typically the SIP Call-ID), for logs. */
    public String label() {
        return label;
    }

    /** The ports this leg's far end must send to; what callvault's SDP towards that side announces. */
    public PortPair ports(Leg leg) {
        return lease(leg).ports();
    }

    public InetSocketAddress localRtp(Leg leg) {
        return (InetSocketAddress) lease(leg).bound().rtp().localAddress();
    }

    public InetSocketAddress localRtcp(Leg leg) {
        return (InetSocketAddress) lease(leg).bound().rtcp().localAddress();
    }

    /**
     * The far end of {@code leg} as its SDP declares it, RTCP at RTP port + 1 (RFC 3605 without
     * {@code a=rtcp}). Null clears it (no address yet, or a hold with {@code c=0.0.0.0}).
     */
    public void setRemote(Leg leg, InetSocketAddress rtp) {
        setRemote(leg, rtp, rtp == null ? null : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1));
    }

    /**
     * The far end of {@code leg} as its SDP declares it, with an explicit RTCP address ({@code a=rtcp}, or
     * the RTP address itself under {@code a=rtcp-mux}). A changed address restarts latching for that socket;
     * repeating the same address (session refresh) keeps the latch. Any thread; takes effect for the next
     * packet.
     */
    public void setRemote(Leg leg, InetSocketAddress rtp, InetSocketAddress rtcp) {
        Objects.requireNonNull(leg, "leg");
        socket(leg, StreamKind.RTP).latch.declare(requireResolved(rtp));
        socket(leg, StreamKind.RTCP).latch.declare(requireResolved(rtcp));
    }

    /**
     * Sends an RTP packet made by callvault (e.g. the pacing stream of an early announcement) as if it had
     * arrived on {@code from}: the session's stages run on it, then it goes to the other leg's far end.
     * Any thread; the bytes are copied. Dropped silently if the session is closing or the far end is unknown.
     */
    public void inject(Leg from, byte[] rtp) {
        Objects.requireNonNull(from, "from");
        io.netty.buffer.ByteBuf copy = io.netty.buffer.Unpooled.copiedBuffer(rtp);
        try {
            eventLoop.execute(() -> socket(from, StreamKind.RTP).injectGenerated(copy));
        } catch (java.util.concurrent.RejectedExecutionException relayStopped) {
            copy.release();
        }
    }

    public LegStats stats(Leg leg) {
        return new LegStats(leg, snapshot(leg, StreamKind.RTP), snapshot(leg, StreamKind.RTCP));
    }

    /**
     * Time since the last RTP packet accepted on either leg, or since the session opened if none came. RTCP
     * does not count. A call on hold may legitimately send nothing, so weigh this against the SDP direction
     * before ending a call for it.
     */
    public Duration noMediaFor() {
        long last = Math.max(lastRtp(Leg.A), lastRtp(Leg.B));
        return since(last == NEVER ? openedNanos : last);
    }

    /** Like {@link #noMediaFor()} for one leg: a one-way audio problem shows here first. */
    public Duration noMediaFor(Leg leg) {
        long last = lastRtp(leg);
        return since(last == NEVER ? openedNanos : last);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Completes once the sockets are closed and the ports back in the pool. */
    public CompletionStage<Void> whenClosed() {
        return closed.copy();
    }

    /**
     * Closes the four sockets and returns their ports to the pool. Idempotent. Packets arriving meanwhile are
     * dropped ({@link DropReason#CLOSED}). Waits (up to 5 s) for the sockets to close unless called on an
     * event-loop thread, where waiting would deadlock; use {@link #whenClosed()} there.
     */
    @Override
    public void close() {
        if (closeStarted.compareAndSet(false, true)) {
            closing = true;
            List<Channel> channels = new ArrayList<>(4);
            for (RtpPortPool.Lease<LegChannels> lease : leases) {
                channels.add(lease.bound().rtp());
                channels.add(lease.bound().rtcp());
            }
            AtomicInteger open = new AtomicInteger(channels.size());
            if (channels.isEmpty()) {
                finishClose();
            }
            for (Channel channel : channels) {
                channel.close().addListener(f -> {
                    if (open.decrementAndGet() == 0) {
                        finishClose();
                    }
                });
            }
        }
        if (!eventLoop.inEventLoop()) {
            awaitClosed();
        }
    }

    boolean isClosing() {
        return closing;
    }

    private void finishClose() {
        leases.forEach(RtpPortPool.Lease::release);
        onClosed.accept(this);
        closed.complete(null);
    }

    private void awaitClosed() {
        try {
            closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            log.warn("media relay sockets of call {} did not close within {}; their ports stay reserved", label,
                    CLOSE_WAIT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("closing the media relay sockets of call " + label + " failed", e);
        }
    }

    private StreamStats snapshot(Leg leg, StreamKind kind) {
        LegSocket socket = socket(leg, kind);
        return socket.counters.snapshot(socket.latch);
    }

    private long lastRtp(Leg leg) {
        return socket(leg, StreamKind.RTP).counters.lastAcceptedNanos();
    }

    private Duration since(long nanos) {
        return Duration.ofNanos(Math.max(0, clock.getAsLong() - nanos));
    }

    private RtpPortPool.Lease<LegChannels> lease(Leg leg) {
        return leases.get(leg.ordinal());
    }

    private LegSocket socket(Leg leg, StreamKind kind) {
        return sockets[index(leg, kind)];
    }

    private static int index(Leg leg, StreamKind kind) {
        return leg.ordinal() * 2 + kind.ordinal();
    }

    private static InetSocketAddress requireResolved(InetSocketAddress address) {
        if (address != null && address.isUnresolved()) {
            throw new IllegalArgumentException("remote media address must be resolved (an IP from the SDP), not "
                    + address);
        }
        return address;
    }
}
