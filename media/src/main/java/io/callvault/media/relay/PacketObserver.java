package io.callvault.media.relay;

import java.nio.ByteBuffer;

/**
 * Sees RTP packets on their way through the relay; the recording tap's entry point.
 *
 * <p>Called on the session's event-loop thread, once for every RTP packet accepted on a leg (from the
 * latched source, see {@link Latch}), before it is forwarded, and also when it then cannot be forwarded
 * because the other leg's far end is unknown: the leg still said it. Not called for RTCP (also not for RTCP
 * multiplexed onto the RTP port, RFC 5761 §4), for malformed packets, or for packets from untrusted sources.
 *
 * <p>Buffer ownership: {@code packet} is a read-only view of the received datagram, from the RTP fixed
 * header at {@code position()} to the end at {@code limit()}. No bytes are copied for it, and it is valid
 * only during this call: the same memory is handed to the outgoing socket right after, and then back to the
 * pool. Copy whatever must outlive the call. The view is one small object per packet (a
 * {@code ByteBuffer} cannot be re-pointed); the payload is never copied.
 *
 * <p>Must not block: every session sharing the event loop waits for it. A heavier consumer copies the
 * packet into its own queue here and works on another thread.
 */
@FunctionalInterface
public interface PacketObserver {
    /**
     * @param leg          the leg the packet arrived on
     * @param packet       read-only view, valid only during the call
     * @param arrivalNanos relay clock ({@code System.nanoTime()} unless injected) when the datagram was read
     */
    void onRtp(Leg leg, ByteBuffer packet, long arrivalNanos);
}
