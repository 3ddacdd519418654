package io.callvault.media.relay;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages a session runs on each accepted RTP packet before forwarding it, top to bottom. Fixed when the
 * session opens: a stage that is only sometimes active (masking, the pause gate) stays in the chain and
 * decides per packet. RTCP passes through without stages.
 */
public record RelayChain(List<RelayStage> stages) {
    private static final RelayChain NONE = new RelayChain(List.of());

    public RelayChain {
        stages = List.copyOf(stages);
    }

    /** Forward only. */
    public static RelayChain none() {
        return NONE;
    }

    public static RelayChain of(RelayStage... stages) {
        return new RelayChain(List.of(stages));
    }

    /** The common case: one observer (the recording tap) and nothing else. */
    public static RelayChain observing(String name, PacketObserver observer) {
        return of(new RelayStage.Observe(name, observer));
    }

    /** This chain with {@code stage} appended at the end. */
    public RelayChain then(RelayStage stage) {
        List<RelayStage> longer = new ArrayList<>(stages);
        longer.add(stage);
        return new RelayChain(longer);
    }
}
