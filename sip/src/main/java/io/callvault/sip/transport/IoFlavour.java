package io.callvault.sip.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty I/O implementation: epoll when its classes and native library load, NIO otherwise. The
 * epoll classes are looked up by name because the module has them on the runtime class path only
 * (netty-transport-native-epoll brings netty-transport-classes-epoll in runtime scope).
 */
record IoFlavour(String name, IoHandlerFactory handlers, Class<? extends DatagramChannel> datagram,
        Class<? extends ServerSocketChannel> listener, Class<? extends SocketChannel> stream) {
    private static final Logger LOG = LoggerFactory.getLogger(IoFlavour.class);
    private static final String EPOLL = "io.netty.channel.epoll.";

    static IoFlavour nio() {
        return new IoFlavour("nio", NioIoHandler.newFactory(), NioDatagramChannel.class,
                NioServerSocketChannel.class, NioSocketChannel.class);
    }

    /** Epoll if available, else NIO. */
    static IoFlavour best() {
        try {
            if ((Boolean) Class.forName(EPOLL + "Epoll").getMethod("isAvailable").invoke(null)) {
                IoHandlerFactory handlers = (IoHandlerFactory) Class.forName(EPOLL + "EpollIoHandler")
                        .getMethod("newFactory").invoke(null);
                return new IoFlavour("epoll", handlers,
                        Class.forName(EPOLL + "EpollDatagramChannel").asSubclass(DatagramChannel.class),
                        Class.forName(EPOLL + "EpollServerSocketChannel").asSubclass(ServerSocketChannel.class),
                        Class.forName(EPOLL + "EpollSocketChannel").asSubclass(SocketChannel.class));
            }
        } catch (ReflectiveOperationException | LinkageError | ClassCastException unavailable) {
            LOG.debug("epoll transport unavailable, using NIO", unavailable);
        }
        return nio();
    }
}
