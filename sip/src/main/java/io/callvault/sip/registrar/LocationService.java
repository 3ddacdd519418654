package io.callvault.sip.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registrar's bindings, in memory (softphones re-register after a restart). Applies one REGISTER's
 * contacts atomically per RFC 3261 §10.3 steps 6–8. Thread-safe.
 */
public final class LocationService {
    /** What a REGISTER asks for one contact: add/refresh it for {@code expires}, or remove it (zero). */
    public record ContactUpdate(String contactUri, Duration expires, double q) {
    }

    /** Why an update was refused; the registrar maps it to a response code. */
    public sealed interface Outcome {
        record Updated(List<Binding> current) implements Outcome {
        }

        /** Same Call-ID with a CSeq not higher than the stored one: an out-of-order retry (§10.3 step 7). */
        record OutOfOrder(String contactUri) implements Outcome {
        }

        /** More contacts than allowed for one extension. */
        record TooManyContacts(int limit) implements Outcome {
        }
    }

    private final int maxContactsPerAor;
    private final Map<String, List<Binding>> bindings = new HashMap<>();

    public LocationService(int maxContactsPerAor) {
        if (maxContactsPerAor < 1) {
            throw new IllegalArgumentException("maxContactsPerAor must be >= 1");
        }
        this.maxContactsPerAor = maxContactsPerAor;
    }

    /**
     * Applies the contacts of one REGISTER. {@code removeAll} is the "Contact: *" with Expires 0 form.
     * Either every change applies or none does.
     */
    public synchronized Outcome register(String aor, List<ContactUpdate> updates, boolean removeAll,
                                         java.net.InetSocketAddress source, String transport, String callId,
                                         long cseq, Instant now) {
        List<Binding> current = new ArrayList<>(live(aor, now));
        if (removeAll) {
            current.clear();
        }
        for (ContactUpdate u : updates) {
            Binding existing = current.stream().filter(b -> b.contactUri().equals(u.contactUri())).findFirst()
                    .orElse(null);
            if (existing != null && existing.callId().equals(callId) && cseq <= existing.cseq()) {
                return new Outcome.OutOfOrder(u.contactUri());
            }
            current.remove(existing);
            if (!u.expires().isZero()) {
                current.add(new Binding(aor, u.contactUri(), source, transport, now.plus(u.expires()), callId, cseq,
                        u.q()));
            }
        }
        if (current.size() > maxContactsPerAor) {
            return new Outcome.TooManyContacts(maxContactsPerAor);
        }
        if (current.isEmpty()) {
            bindings.remove(aor);
        } else {
            bindings.put(aor, List.copyOf(current));
        }
        return new Outcome.Updated(sorted(current));
    }

    /** Unexpired bindings of {@code aor}, highest q first, then most recently refreshed. */
    public synchronized List<Binding> lookup(String aor, Instant now) {
        return sorted(live(aor, now));
    }

    /** Drops expired bindings; returns how many. */
    public synchronized int purge(Instant now) {
        int before = bindings.values().stream().mapToInt(List::size).sum();
        bindings.replaceAll((aor, list) -> list.stream().filter(b -> !b.expiredAt(now)).toList());
        bindings.values().removeIf(List::isEmpty);
        return before - bindings.values().stream().mapToInt(List::size).sum();
    }

    private List<Binding> live(String aor, Instant now) {
        return bindings.getOrDefault(aor, List.of()).stream().filter(b -> !b.expiredAt(now)).toList();
    }

    private static List<Binding> sorted(List<Binding> list) {
        return list.stream().sorted(Comparator.comparingDouble(Binding::q).reversed()
                .thenComparing(Binding::expires, Comparator.reverseOrder())).toList();
    }
}
