package io.callvault.media.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.lang.reflect.InvocationTargetException;

/**
 * The Netty pieces for a {@link RelayTransport}: the event-loop I/O handler and the datagram channel class.
 *
 * <p>The epoll classes are reached by name because the Netty BOM puts {@code netty-transport-native-epoll}
 * (and with it {@code netty-transport-classes-epoll}) in runtime scope: they are on the class path when the
 * relay runs but not when it compiles. With {@code netty-transport-classes-epoll} added to media's
 * compile dependencies this becomes three direct calls. The lookups happen once per relay, and the channel
 * constructor once per socket, never per packet.
 */
record NettyTransport(RelayTransport kind, IoHandlerFactory ioHandlers, ChannelFactory<? extends Channel> channels) {
    private static final String EPOLL = "io.netty.channel.epoll.Epoll";
    private static final String EPOLL_IO_HANDLER = "io.netty.channel.epoll.EpollIoHandler";
    private static final String EPOLL_DATAGRAM_CHANNEL = "io.netty.channel.epoll.EpollDatagramChannel";

    static NettyTransport select(RelayTransport wanted) {
        return switch (wanted) {
            case NIO -> nio();
            case AUTO -> epollUnavailability() == null ? epoll() : nio();
            case EPOLL -> {
                Throwable why = epollUnavailability();
                if (why != null) {
                    throw new IllegalStateException("media relay transport 'epoll' is not available here (" + why
                            + "); use 'auto' or 'nio'", why);
                }
                yield epoll();
            }
        };
    }

    /** Null when native epoll works here, else why not. */
    static Throwable epollUnavailability() {
        try {
            Class<?> epoll = Class.forName(EPOLL);
            if ((Boolean) epoll.getMethod("isAvailable").invoke(null)) {
                return null;
            }
            return (Throwable) epoll.getMethod("unavailabilityCause").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return e;
        }
    }

    private static NettyTransport nio() {
        return new NettyTransport(RelayTransport.NIO, NioIoHandler.newFactory(), NioDatagramChannel::new);
    }

    private static NettyTransport epoll() {
        try {
            IoHandlerFactory io = (IoHandlerFactory) Class.forName(EPOLL_IO_HANDLER).getMethod("newFactory").invoke(null);
            Class<? extends Channel> channel = Class.forName(EPOLL_DATAGRAM_CHANNEL).asSubclass(Channel.class);
            return new NettyTransport(RelayTransport.EPOLL, io, new ReflectiveChannelFactory<>(channel));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot start the epoll transport: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the epoll transport: " + e, e);
        }
    }
}
