package io.callvault.testkit;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Seal;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.Tombstone;
import io.callvault.vault.spi.WrappedKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link Catalog} in memory, for unit tests of the classes that use one. Held to
 * {@code CatalogContract} like the SQL catalog, including its one storage detail that callers can see:
 * instants are kept to the millisecond. Every method holds the catalog's lock, so each is atomic and
 * the class is thread-safe. Nothing survives {@link #close()}; calls after it fail.
 */
public final class InMemoryCatalog implements Catalog {
    /** Newest first, then by id in its canonical text form (the byte order SQL databases use). */
    private static final Comparator<RecordingRow> SEARCH_ORDER = Comparator
            .comparing(RecordingRow::startedAt, Comparator.reverseOrder())
            .thenComparing(row -> row.id().toString());
    private static final Comparator<Segment> SEGMENT_ORDER = Comparator
            .comparingLong(Segment::startMillis).thenComparingLong(Segment::endMillis);

    private final Map<RecordingId, RecordingRow> rows = new HashMap<>();
    private final Map<RecordingId, List<Segment>> segments = new HashMap<>();
    private final Map<RecordingId, WrappedKey> keys = new HashMap<>();
    private final Map<RecordingId, Tombstone> tombstones = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private boolean closed;

    @Override
    public synchronized void create(RecordingRow row, WrappedKey dataKey) throws CatalogException {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(dataKey, "dataKey");
        if (row.state() != RecordingState.RECORDING) {
            throw new IllegalArgumentException("a recording is created in state RECORDING, not " + row.state());
        }
        checkOpen();
        if (rows.containsKey(row.id())) {
            throw new CatalogException(describe() + ": cannot create recording " + row.id() + ": the id exists already");
        }
        if (tombstones.containsKey(row.id())) {
            throw new CatalogException(describe() + ": cannot create recording " + row.id()
                    + ": the id belongs to a shredded recording and ids are never reused");
        }
        rows.put(row.id(), new RecordingRow(row.id(), row.callId(), row.caller(), row.callee(), row.direction(),
                row.agent(), millis(row.startedAt()), millis(row.endedAt()), row.durationMillis(), row.format(),
                row.plaintextBytes(), row.ciphertextBytes(), row.plaintextSha256(), row.blobKey(),
                row.formatVersion(), row.state(), row.stateReason(), row.tags()));
        segments.put(row.id(), new ArrayList<>());
        keys.put(row.id(), dataKey);
    }

    @Override
    public synchronized void seal(RecordingId id, Seal seal) throws CatalogException {
        Objects.requireNonNull(seal, "seal");
        RecordingRow row = require(id);
        if (row.state() != RecordingState.RECORDING) {
            throw new CatalogException(describe() + ": cannot seal recording " + id + ": it is " + row.state()
                    + ", and only a RECORDING recording can be sealed");
        }
        rows.put(id, row.withSeal(new Seal(seal.state(), millis(seal.endedAt()), seal.durationMillis(),
                seal.plaintextBytes(), seal.ciphertextBytes(), seal.plaintextSha256(), seal.reason(), seal.blobKey())));
    }

    @Override
    public synchronized void setState(RecordingId id, RecordingState state, String reason) throws CatalogException {
        Objects.requireNonNull(state, "state");
        rows.put(id, require(id).withState(state, reason));
    }

    @Override
    public synchronized Optional<RecordingRow> find(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        checkOpen();
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<RecordingRow> search(RecordingQuery query) throws CatalogException {
        Objects.requireNonNull(query, "query");
        checkOpen();
        return rows.values().stream()
                .filter(row -> matches(query, row))
                .sorted(SEARCH_ORDER)
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    private static boolean matches(RecordingQuery query, RecordingRow row) {
        return (query.party() == null || query.party().equals(row.caller().number())
                || query.party().equals(row.callee().number()))
                && (query.since() == null || !row.startedAt().isBefore(query.since()))
                && (query.until() == null || row.startedAt().isBefore(query.until()))
                && (query.state() == null || query.state() == row.state())
                && row.tags().entrySet().containsAll(query.tags().entrySet())
                && (query.agents() == null || involves(query.agents(), row))
                && (query.ids() == null || query.ids().contains(row.id()));
    }

    /** Whether the row's agent, caller number or callee number is one of {@code agents}. */
    private static boolean involves(Set<String> agents, RecordingRow row) {
        return (row.agent() != null && agents.contains(row.agent()))
                || agents.contains(row.caller().number().e164())
                || agents.contains(row.callee().number().e164());
    }

    @Override
    public synchronized void putTags(RecordingId id, Map<String, String> tags) throws CatalogException {
        Map<String, String> changes = Map.copyOf(tags);
        RecordingRow row = require(id);
        Map<String, String> merged = new TreeMap<>(row.tags());
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        rows.put(id, row.withTags(merged));
    }

    @Override
    public synchronized void addSegment(RecordingId id, Segment segment) throws CatalogException {
        Objects.requireNonNull(segment, "segment");
        require(id);
        segments.get(id).add(segment);
    }

    @Override
    public synchronized List<Segment> segments(RecordingId id) throws CatalogException {
        require(id);
        return segments.get(id).stream().sorted(SEGMENT_ORDER).toList();
    }

    @Override
    public synchronized WrappedKey dataKey(RecordingId id) throws CatalogException {
        require(id);
        return keys.get(id);
    }

    @Override
    public synchronized List<RecordingId> wrappedWith(String kekId) throws CatalogException {
        Objects.requireNonNull(kekId, "kekId");
        checkOpen();
        return keys.entrySet().stream()
                .filter(entry -> entry.getValue().kekId().equals(kekId))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(RecordingId::toString))
                .toList();
    }

    @Override
    public synchronized boolean rewrap(RecordingId id, WrappedKey expected, WrappedKey replacement)
            throws CatalogException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        checkOpen();
        if (!expected.equals(keys.get(id))) {
            return false;
        }
        keys.put(id, replacement);
        return true;
    }

    @Override
    public synchronized Tombstone shred(RecordingId id, String reason, String actor, Instant at)
            throws CatalogException {
        Objects.requireNonNull(at, "at");
        Tombstone tombstone = new Tombstone(id, millis(at), reason, actor);
        checkOpen();
        Tombstone existing = tombstones.get(id);
        if (existing != null) {
            return existing;
        }
        if (rows.remove(id) == null) {
            throw new RecordingNotFoundException(id);
        }
        segments.remove(id);
        keys.remove(id);
        tombstones.put(id, tombstone);
        return tombstone;
    }

    @Override
    public synchronized Optional<Tombstone> tombstone(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        checkOpen();
        return Optional.ofNullable(tombstones.get(id));
    }

    @Override
    public synchronized Optional<String> setting(String name) throws CatalogException {
        Objects.requireNonNull(name, "name");
        checkOpen();
        return Optional.ofNullable(settings.get(name));
    }

    @Override
    public synchronized void putSetting(String name, String value) throws CatalogException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        checkOpen();
        settings.put(name, value);
    }

    @Override
    public String describe() {
        return "in-memory catalog";
    }

    /** Idempotent; afterwards every call fails with a {@link CatalogException}. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    private RecordingRow require(RecordingId id) throws CatalogException {
        Objects.requireNonNull(id, "id");
        checkOpen();
        RecordingRow row = rows.get(id);
        if (row == null) {
            throw new RecordingNotFoundException(id);
        }
        return row;
    }

    private void checkOpen() throws CatalogException {
        if (closed) {
            throw new CatalogException(describe() + ": closed");
        }
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
