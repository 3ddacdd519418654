package io.callvault.vault.dsar;

import io.callvault.core.RecordingId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an erasure request did to each of the subject's recordings.
 *
 * @param complete true when nothing failed, so the request was marked COMPLETED
 */
public record ErasureReport(String requestId, List<Item> items, boolean complete) {
    /** Crypto-shredded: no copy of it can be decrypted any more. */
    public static final String ERASED = "erased";
    /** Kept on purpose; the reason names the legal hold or the retention obligation. */
    public static final String KEPT = "kept";
    /** Deletion failed; the reason says why. Erasing the request again retries it. */
    public static final String FAILED = "failed";
    private static final Set<String> OUTCOMES = Set.of(ERASED, KEPT, FAILED);

    public ErasureReport {
        Objects.requireNonNull(requestId, "requestId");
        items = List.copyOf(items);
    }

    /** @param outcome {@link #ERASED}, {@link #KEPT} or {@link #FAILED}; reason is empty for an erased one */
    public record Item(RecordingId id, String outcome, String reason) {
        public Item {
            Objects.requireNonNull(id, "id");
            if (!OUTCOMES.contains(outcome)) {
                throw new IllegalArgumentException("unknown erasure outcome '" + outcome + "'");
            }
            reason = reason == null ? "" : reason;
        }
    }

    public long count(String outcome) {
        return items.stream().filter(i -> i.outcome().equals(outcome)).count();
    }

    /** E.g. "3 recordings: 2 erased, 1 kept, 0 failed". */
    public String summary() {
        return items.size() + " recordings: " + count(ERASED) + " erased, " + count(KEPT) + " kept, " + count(FAILED)
                + " failed";
    }
}
