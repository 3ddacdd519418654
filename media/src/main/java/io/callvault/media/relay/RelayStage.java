package io.callvault.media.relay;

import java.util.Objects;

/**
 * One step of a session's RTP forwarding path, from a closed set. The relay runs a {@link RelayChain}'s
 * stages in order on every accepted RTP packet of either leg, then forwards what is left; a stage that
 * cares about one leg only checks the {@link Leg} it is given.
 *
 * <p>Order is meaning: {@code Rewrite(mask)} before {@code Observe(tap)} records the masked audio;
 * the other way round records what the phone sent.
 */
public sealed interface RelayStage {
    /** Name used in the one log line a failing stage gets per socket. */
    String name();

    /** Looks, never changes; an exception is counted and the packet still forwarded. */
    record Observe(String name, PacketObserver observer) implements RelayStage {
        public Observe {
            requireName(name);
            Objects.requireNonNull(observer, "observer");
        }
    }

    /** May change the packet in place or drop it; an exception drops the packet. */
    record Rewrite(String name, PacketRewriter rewriter) implements RelayStage {
        public Rewrite {
            requireName(name);
            Objects.requireNonNull(rewriter, "rewriter");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a relay stage needs a name for its log lines");
        }
    }
}
