package io.callvault.vault.retention;

import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one retention run did (or, for a dry run, would do) with each recording whose retention had expired.
 *
 * @param at    the time the run judged expiry against
 * @param items one per expired recording, earliest expiry first
 */
public record RetentionRun(Instant at, boolean dryRun, List<Item> items) {
    /** Crypto-shredded by this run. */
    public static final String DELETED = "deleted";
    /** A dry run's verdict: a real run would delete it now. */
    public static final String WOULD_DELETE = "would_delete";
    /** Expired but under legal hold; the reason names the hold(s). */
    public static final String KEPT_HELD = "kept_held";
    /** Expired by its stored assignment, but no policy applies to it any more; kept until one does. */
    public static final String KEPT = "kept";
    /** Deletion was attempted and failed; the reason says why. It is tried again next run. */
    public static final String FAILED = "failed";
    private static final Set<String> OUTCOMES = Set.of(DELETED, WOULD_DELETE, KEPT_HELD, KEPT, FAILED);

    public RetentionRun {
        Objects.requireNonNull(at, "at");
        items = List.copyOf(items);
    }

    /**
     * @param policy      the policy that expired
     * @param retainUntil when it expired
     * @param outcome     one of {@link #DELETED}, {@link #WOULD_DELETE}, {@link #KEPT_HELD}, {@link #KEPT},
     *                    {@link #FAILED}
     */
    public record Item(RecordingId id, String policy, Instant retainUntil, String outcome, String reason) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(retainUntil, "retainUntil");
            if (!OUTCOMES.contains(outcome)) {
                throw new IllegalArgumentException("unknown retention outcome '" + outcome + "'");
            }
            reason = reason == null ? "" : reason;
        }
    }

    /** How many items have this outcome. */
    public long count(String outcome) {
        return items.stream().filter(i -> i.outcome().equals(outcome)).count();
    }

    /** E.g. "3 expired: 2 deleted, 1 kept_held", for logs and the audit entry. */
    public String summary() {
        StringBuilder s = new StringBuilder(items.size() + " expired");
        String sep = ": ";
        for (String o : List.of(DELETED, WOULD_DELETE, KEPT_HELD, KEPT, FAILED)) {
            long n = count(o);
            if (n > 0) {
                s.append(sep).append(n).append(' ').append(o);
                sep = ", ";
            }
        }
        return s.toString();
    }
}
