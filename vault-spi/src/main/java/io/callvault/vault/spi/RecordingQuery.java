package io.callvault.vault.spi;

import io.callvault.core.PhoneNumber;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A catalog search. Every non-null criterion must hold (AND); {@code party} matches caller or callee;
 * {@code since} is inclusive and {@code until} exclusive on {@code startedAt}; every tag must be present
 * with that value. Results come newest first, then by id, {@code limit} at most from {@code offset}.
 */
public record RecordingQuery(PhoneNumber party, Instant since, Instant until, Map<String, String> tags,
                             RecordingState state, int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public RecordingQuery {
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags == null ? Map.of() : tags));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
        }
    }

    public static RecordingQuery all() {
        return new RecordingQuery(null, null, null, Map.of(), null, 0, MAX_LIMIT);
    }

    public RecordingQuery withParty(PhoneNumber p) {
        return new RecordingQuery(p, since, until, tags, state, offset, limit);
    }

    public RecordingQuery withState(RecordingState s) {
        return new RecordingQuery(party, since, until, tags, s, offset, limit);
    }

    public RecordingQuery withRange(Instant from, Instant to) {
        return new RecordingQuery(party, from, to, tags, state, offset, limit);
    }

    public RecordingQuery withTags(Map<String, String> t) {
        return new RecordingQuery(party, since, until, t, state, offset, limit);
    }

    public RecordingQuery withPage(int newOffset, int newLimit) {
        return new RecordingQuery(party, since, until, tags, state, newOffset, newLimit);
    }
}
