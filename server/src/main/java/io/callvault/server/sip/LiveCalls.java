package io.callvault.server.sip;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls going on now that can be paused and resumed, found by callvault's call label ({@code call-…})
 * or by the caller's SIP Call-ID (what a payment application or CRM sees). Thread-safe.
 */
public final class LiveCalls {

    /** One live call's controls. */
    public interface Handle {
        String label();

        String sipCallId();

        String caller();

        String callee();

        /** The extension or number that is the business's side (the agent). */
        String agent();

        Instant answeredAt();

        /** Whether its recording is paused now; false when it has no recording. */
        boolean paused();

        boolean recording();

        /**
         * Pauses the recording from now on.
         *
         * @return false when there is no recording to pause (not recorded, or already paused)
         */
        boolean pause(String trigger, String reason, String by);

        /** @return false when the recording was not paused */
        boolean resume(String by);
    }

    private final Map<String, Handle> byLabel = new ConcurrentHashMap<>();
    private final Map<String, Handle> bySipCallId = new ConcurrentHashMap<>();

    void add(Handle call) {
        byLabel.put(call.label(), call);
        bySipCallId.put(call.sipCallId(), call);
    }

    void remove(Handle call) {
        byLabel.remove(call.label(), call);
        bySipCallId.remove(call.sipCallId(), call);
    }

    /** By label or by SIP Call-ID. */
    public Optional<Handle> find(String ref) {
        Handle h = byLabel.get(ref);
        return h != null ? Optional.of(h) : Optional.ofNullable(bySipCallId.get(ref));
    }

    public List<Handle> all() {
        Collection<Handle> all = byLabel.values();
        return all.stream().sorted(java.util.Comparator.comparing(Handle::answeredAt)).toList();
    }
}
