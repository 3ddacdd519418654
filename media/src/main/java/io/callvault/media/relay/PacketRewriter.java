package io.callvault.media.relay;

import java.nio.ByteBuffer;

/**
 * Changes or stops RTP packets before they are forwarded; the seam for DTMF masking and announcement
 * injection. Same calling rules as {@link PacketObserver} (event-loop thread, accepted RTP packets only,
 * must not block).
 *
 * <p>Buffer ownership: {@code packet} is a writable view of exactly the bytes that will be sent, from the
 * RTP fixed header at {@code position()} to {@code limit()}. Overwrite bytes in place (payload, marker,
 * payload type); the length cannot change, and changes to position or limit are ignored. The view is valid
 * only during the call.
 */
@FunctionalInterface
public interface PacketRewriter {
    /**
     * @return true to pass the (possibly rewritten) packet on, false to drop it (counted as
     *         {@link DropReason#STAGE}). A rewriter that throws also drops the packet: it exists to keep
     *         something off the wire, so it fails closed.
     */
    boolean rewrite(Leg leg, ByteBuffer packet, long arrivalNanos);
}
