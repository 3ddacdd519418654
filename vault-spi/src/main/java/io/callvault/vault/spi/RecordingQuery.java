package io.callvault.vault.spi;

import io.callvault.core.PhoneNumber;
import java.time.Instant;
import io.callvault.core.RecordingId;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A catalog search. Every non-null criterion must hold (AND); {@code party} matches caller or callee;
 * {@code since} is inclusive and {@code until} exclusive on {@code startedAt}; every tag must be present
 * with that value; {@code agents}, when not null, matches recordings whose agent, caller number or callee
 * number is one of these (an agent is named by username or extension; an empty set matches nothing, which
 * is how an access scope without agents reads); {@code ids}, when not null, holds the allowed
 * recording ids. Results come newest first, then by id, {@code limit} at most from {@code offset}.
 */
public record RecordingQuery(PhoneNumber party, Instant since, Instant until, Map<String, String> tags,
                             RecordingState state, Set<String> agents, Set<RecordingId> ids, int offset,
                             int limit) {
    public static final int MAX_LIMIT = 1000;

    public RecordingQuery {
        agents = agents == null ? null : Collections.unmodifiableSet(new TreeSet<>(agents));
        ids = ids == null ? null : Collections.unmodifiableSet(new TreeSet<>(ids));
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags == null ? Map.of() : tags));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
        }
    }

    public static RecordingQuery all() {
        return new RecordingQuery(null, null, null, Map.of(), null, null, null, 0, MAX_LIMIT);
    }

    public RecordingQuery withParty(PhoneNumber p) {
        return new RecordingQuery(p, since, until, tags, state, agents, ids, offset, limit);
    }

    public RecordingQuery withState(RecordingState s) {
        return new RecordingQuery(party, since, until, tags, s, agents, ids, offset, limit);
    }

    public RecordingQuery withRange(Instant from, Instant to) {
        return new RecordingQuery(party, from, to, tags, state, agents, ids, offset, limit);
    }

    public RecordingQuery withTags(Map<String, String> t) {
        return new RecordingQuery(party, since, until, t, state, agents, ids, offset, limit);
    }

    public RecordingQuery withPage(int newOffset, int newLimit) {
        return new RecordingQuery(party, since, until, tags, state, agents, ids, newOffset, newLimit);
    }

    /** Restricts to recordings that involve one of these agents or extensions (null: any). */
    public RecordingQuery withAgents(Set<String> allowed) {
        return new RecordingQuery(party, since, until, tags, state, allowed, ids, offset, limit);
    }

    /** Restricts to these recordings (null: any). */
    public RecordingQuery withIds(Set<RecordingId> allowed) {
        return new RecordingQuery(party, since, until, tags, state, agents, allowed, offset, limit);
    }
}
