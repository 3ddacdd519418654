package io.callvault.media.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands out RTP/RTCP port pairs (even RTP port, RTCP = RTP + 1) from a range on one bind address.
 *
 * <p>The pool does not open sockets itself: {@link #allocate} reserves a free pair, asks the caller's
 * {@link PairBinder} to bind it, and on an {@link IOException} (the port is held by another process, or
 * by a socket of ours still closing) leaves that pair free and tries the next one, so a stray process on
 * one port never fails a call. Only when every free pair has failed does it throw
 * {@link PortPoolExhaustedException}.
 *
 * <p>Pairs are handed out round-robin from just after the last allocation rather than lowest-first, so a
 * port freed by a finished call rests as long as possible before reuse and late packets from that call's
 * phones do not land in a new call.
 *
 * <p>Thread-safe: reservation and release are short critical sections under the pool's lock; binding
 * happens outside it, so concurrent calls bind in parallel.
 */
public final class RtpPortPool {
    /** Binds both sockets of a pair; throws {@link IOException} when either port cannot be bound. */
    @FunctionalInterface
    public interface PairBinder<T> {
        /**
         * Must leave nothing bound when it throws (close the RTP socket if the RTCP bind fails).
         * Runtime exceptions are not treated as a busy port: the pair is freed and the exception propagates.
         */
        T bind(InetSocketAddress rtp, InetSocketAddress rtcp) throws IOException;
    }

    /**
     * A reserved pair and whatever the binder returned for it. Close the sockets first, then
     * {@link #release()}: releasing earlier would let the pool offer a port that is still bound (harmless,
     * the next bind skips it, but wasteful).
     */
    public static final class Lease<T> {
        private final RtpPortPool pool;
        private final int index;
        private final PortPair ports;
        private final T bound;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(RtpPortPool pool, int index, PortPair ports, T bound) {
            this.pool = pool;
            this.index = index;
            this.ports = ports;
            this.bound = bound;
        }

        public PortPair ports() {
            return ports;
        }

        public T bound() {
            return bound;
        }

        /** Returns the pair to the pool. Idempotent: only the first call has an effect. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                pool.free(index);
            }
        }
    }

    private final InetAddress bindAddress;
    private final int firstRtpPort;
    private final boolean[] inUse;
    private int inUseCount;
    private int cursor;

    /**
     * @param firstPort lowest usable port; rounded up to even
     * @param lastPort  highest usable port (an RTCP port may be this one)
     */
    public RtpPortPool(InetAddress bindAddress, int firstPort, int lastPort) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (firstPort < 1 || lastPort > 65535 || firstPort > lastPort) {
            throw new IllegalArgumentException(
                    "RTP port range must lie within 1-65535 with first <= last, not " + firstPort + "-" + lastPort);
        }
        this.firstRtpPort = firstPort + (firstPort & 1);
        int pairs = (lastPort - firstRtpPort + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException(
                    "RTP port range " + firstPort + "-" + lastPort + " holds no even/odd pair; give at least two ports");
        }
        this.inUse = new boolean[pairs];
    }

    /**
     * Reserves and binds the next free pair.
     *
     * @throws PortPoolExhaustedException when every pair is in use or fails to bind
     */
    public <T> Lease<T> allocate(PairBinder<T> binder) {
        Objects.requireNonNull(binder, "binder");
        int boundElsewhere = 0;
        IOException lastError = null;
        boolean[] tried = new boolean[inUse.length];
        for (int index = reserve(tried); index >= 0; index = reserve(tried)) {
            tried[index] = true;
            PortPair ports = portsAt(index);
            T bound;
            try {
                bound = binder.bind(new InetSocketAddress(bindAddress, ports.rtp()),
                        new InetSocketAddress(bindAddress, ports.rtcp()));
            } catch (IOException busy) {
                free(index);
                boundElsewhere++;
                lastError = busy;
                continue;
            } catch (RuntimeException | Error e) {
                free(index);
                throw e;
            }
            return new Lease<>(this, index, ports, bound);
        }
        throw new PortPoolExhaustedException(describeRange(), inUse.length, inUse(), boundElsewhere, lastError);
    }

    /** Pairs currently leased. */
    public synchronized int inUse() {
        return inUseCount;
    }

    /** Pairs in the range. */
    public int capacity() {
        return inUse.length;
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** e.g. {@code 127.0.0.1:40000-40099}. */
    public String describeRange() {
        return bindAddress.getHostAddress() + ":" + firstRtpPort + "-" + (firstRtpPort + 2 * inUse.length - 1);
    }

    /** Marks the next free pair not yet tried in this allocation as in use; -1 when there is none. */
    private synchronized int reserve(boolean[] tried) {
        for (int step = 0; step < inUse.length; step++) {
            int index = (cursor + step) % inUse.length;
            if (!inUse[index] && !tried[index]) {
                inUse[index] = true;
                inUseCount++;
                cursor = (index + 1) % inUse.length;
                return index;
            }
        }
        return -1;
    }

    private synchronized void free(int index) {
        if (inUse[index]) {
            inUse[index] = false;
            inUseCount--;
        }
    }

    private PortPair portsAt(int index) {
        return PortPair.ofRtp(firstRtpPort + 2 * index);
    }
}
