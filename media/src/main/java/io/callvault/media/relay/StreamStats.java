package io.callvault.media.relay;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot of one local socket (one leg, RTP or RTCP). "In" counts packets received on this socket,
 * "forwarded" those of them handed to the other leg's socket; {@code socketErrors} counts errors this
 * socket reported, mostly packets from the other leg it failed to send. Values are read without a lock, so counters in one
 * snapshot may be a packet apart.
 *
 * @param latchedSource  the far end this socket latched to, or null
 * @param declaredRemote the far end the SDP declared, or null
 * @param lastAcceptedNanos when the last packet from the latched source arrived (relay clock), if any; on
 *                          an RTP socket only RTP counts, not RTCP multiplexed onto it
 */
public record StreamStats(
        long packetsIn,
        long bytesIn,
        long packetsForwarded,
        long bytesForwarded,
        Map<DropReason, Long> dropped,
        long stageErrors,
        long socketErrors,
        long relatches,
        InetSocketAddress latchedSource,
        InetSocketAddress declaredRemote,
        OptionalLong lastAcceptedNanos) {

    public StreamStats {
        dropped = Map.copyOf(dropped);
    }

    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
