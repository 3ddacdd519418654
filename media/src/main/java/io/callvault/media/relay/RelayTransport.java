package io.callvault.media.relay;

/** Which Netty transport carries the relay's sockets. */
public enum RelayTransport {
    /** Native epoll when {@code Epoll.isAvailable()} (Linux x86-64 with the native library), NIO otherwise. */
    AUTO,
    /** Native epoll; the relay refuses to start, with the reason, where it is unavailable. */
    EPOLL,
    /** JDK NIO selectors; works everywhere, costs more CPU per packet. */
    NIO
}
