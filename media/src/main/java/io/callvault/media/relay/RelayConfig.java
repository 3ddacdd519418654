package io.callvault.media.relay;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Settings of one {@link MediaRelay}, checked on construction.
 *
 * @param bindAddress where the relay's sockets listen; the SDP callvault sends must name an address that
 *                    reaches this one (the same, or a public address forwarded to it)
 * @param firstPort   lowest port of the RTP range (rounded up to even)
 * @param lastPort    highest port of the range; each call uses two pairs (one per leg), so a range of
 *                    {@code n} ports carries {@code n / 4} concurrent calls
 * @param ioThreads   event-loop threads; 0 means one per available core. Each session lives on one thread.
 * @param transport   epoll, NIO, or whichever is best here
 * @param latch       when a socket follows a new source address; see {@link Latch}
 */
public record RelayConfig(
        InetAddress bindAddress, int firstPort, int lastPort, int ioThreads, RelayTransport transport,
        LatchPolicy latch) {

    public RelayConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(latch, "latch");
        if (firstPort < 1024 || lastPort > 65535 || lastPort - firstPort < 1) {
            throw new IllegalArgumentException("RTP port range must lie within 1024-65535 and hold at least two ports, not "
                    + firstPort + "-" + lastPort);
        }
        if (ioThreads < 0 || ioThreads > 1024) {
            throw new IllegalArgumentException("ioThreads must be 0 (one per core) to 1024, not " + ioThreads);
        }
    }

    /** Ports 16384-32767 (the range most SBCs and softswitches use), one thread per core, best transport. */
    public static RelayConfig defaults(InetAddress bindAddress) {
        return new RelayConfig(bindAddress, 16384, 32767, 0, RelayTransport.AUTO, LatchPolicy.DEFAULT);
    }

    public RelayConfig withPorts(int first, int last) {
        return new RelayConfig(bindAddress, first, last, ioThreads, transport, latch);
    }

    public RelayConfig withIoThreads(int threads) {
        return new RelayConfig(bindAddress, firstPort, lastPort, threads, transport, latch);
    }

    public RelayConfig withTransport(RelayTransport value) {
        return new RelayConfig(bindAddress, firstPort, lastPort, ioThreads, value, latch);
    }

    public RelayConfig withLatch(LatchPolicy value) {
        return new RelayConfig(bindAddress, firstPort, lastPort, ioThreads, transport, value);
    }

    /** The thread count after resolving 0. */
    public int effectiveIoThreads() {
        return ioThreads == 0 ? Runtime.getRuntime().availableProcessors() : ioThreads;
    }
}
