package io.callvault.vault.spi.hold;

import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.RecordingRow;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which recordings a legal hold covers: either a list of recording ids, or a saved search — a party number
 * (caller or callee) and/or a time range on the start time ({@code since} inclusive, {@code until}
 * exclusive). A saved search also covers recordings made after the hold was created.
 */
public record HoldScope(Set<RecordingId> recordingIds, PhoneNumber party, Instant since, Instant until) {
    public HoldScope {
        recordingIds = Collections.unmodifiableSet(new TreeSet<>(recordingIds == null ? Set.of() : recordingIds));
        boolean search = party != null || since != null || until != null;
        if (recordingIds.isEmpty() == !search) {
            throw new IllegalArgumentException(recordingIds.isEmpty()
                    ? "a hold needs recording ids or a search (party number and/or time range)"
                    : "a hold covers either recording ids or a search, not both");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("a hold's time range must end after it starts");
        }
    }

    public static HoldScope ids(Set<RecordingId> ids) {
        return new HoldScope(ids, null, null, null);
    }

    public static HoldScope search(PhoneNumber party, Instant since, Instant until) {
        return new HoldScope(Set.of(), party, since, until);
    }

    public boolean bySearch() {
        return recordingIds.isEmpty();
    }

    public boolean covers(RecordingRow row) {
        if (!bySearch()) {
            return recordingIds.contains(row.id());
        }
        return (party == null || party.equals(row.caller().number()) || party.equals(row.callee().number()))
                && (since == null || !row.startedAt().isBefore(since))
                && (until == null || row.startedAt().isBefore(until));
    }
}
