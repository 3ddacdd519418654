package io.callvault.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open TCP connections, keyed by the remote address, whichever side opened them (RFC 3261
 * §18.2.2, §18.1.1: reuse a connection to the same address). A connection being opened is a promise
 * in the map, so concurrent sends to one peer share one connect and are written in the order they were
 * queued. Entries leave the map when their channel closes. Thread-safe.
 */
final class TcpConnections {
    private final Bootstrap connector;
    private final int max;
    private final TransportCounters counters;
    private final ConcurrentHashMap<InetSocketAddress, Promise<Channel>> byPeer = new ConcurrentHashMap<>();

    TcpConnections(Bootstrap connector, int max, TransportCounters counters) {
        this.connector = connector;
        this.max = max;
        this.counters = counters;
    }

    /** Registers a connection a peer opened; false (and the channel is closed) over the limit. */
    boolean accepted(Channel channel) {
        if (counters.connectionsOpen.incrementAndGet() > max) {
            counters.connectionsOpen.decrementAndGet();
            counters.connectionsRefused.increment();
            channel.close();
            return false;
        }
        counters.connectionsAccepted.increment();
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        Promise<Channel> ready = ImmediateEventExecutor.INSTANCE.<Channel>newPromise().setSuccess(channel);
        byPeer.put(remote, ready);
        channel.closeFuture().addListener(f -> {
            counters.connectionsOpen.decrementAndGet();
            byPeer.remove(remote, ready);
        });
        return true;
    }

    /** Writes {@code bytes} (released here) to the connection to {@code to}, connecting if needed. */
    CompletableFuture<Void> write(InetSocketAddress to, ByteBuf bytes) {
        Promise<Channel> fresh = ImmediateEventExecutor.INSTANCE.newPromise();
        Promise<Channel> connection = byPeer.compute(to, (k, old) -> usable(old) ? old : fresh);
        if (connection == fresh) {
            connect(to, fresh);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        connection.addListener(f -> {
            if (!f.isSuccess()) {
                bytes.release();
                written.completeExceptionally(NettySipTransport.asIo(f.cause(), "cannot connect to " + to));
                return;
            }
            ((Channel) f.getNow()).writeAndFlush(bytes).addListener((ChannelFuture w) -> {
                if (w.isSuccess()) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(NettySipTransport.asIo(w.cause(), "cannot write to " + to));
                }
            });
        });
        return written;
    }

    private static boolean usable(Promise<Channel> p) {
        return p != null && (!p.isDone() || (p.isSuccess() && p.getNow().isActive()));
    }

    private void connect(InetSocketAddress to, Promise<Channel> promise) {
        if (counters.connectionsOpen.incrementAndGet() > max) {
            counters.connectionsOpen.decrementAndGet();
            counters.connectionsRefused.increment();
            byPeer.remove(to, promise);
            promise.setFailure(new IOException("cannot connect to " + to + ": " + max
                    + " TCP connections are open (NettySipTransport.Options.maxTcpConnections)"));
            return;
        }
        counters.connectionsOpened.increment();
        ChannelFuture connecting = connector.connect(to);
        connecting.channel().closeFuture().addListener(f -> {
            counters.connectionsOpen.decrementAndGet();
            byPeer.remove(to, promise);
        });
        connecting.addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                promise.trySuccess(f.channel());
            } else {
                byPeer.remove(to, promise);
                promise.tryFailure(f.cause());
            }
        });
    }

    /** Closes every connection; used when the transport closes. */
    void closeAll() {
        for (Promise<Channel> p : List.copyOf(byPeer.values())) {
            if (p.isSuccess()) {
                p.getNow().close();
            }
        }
    }
}
