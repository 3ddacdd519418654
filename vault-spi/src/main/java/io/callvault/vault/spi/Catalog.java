package io.callvault.vault.spi;

import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata store: recordings, their tags and segments, their wrapped data keys, tombstones of
 * deleted recordings, and a few named settings. Implementations: SQLite (default) and PostgreSQL, both
 * held to {@code CatalogContract}.
 *
 * <p>Every method is atomic and thread-safe. Failures are {@link CatalogException}; a recording that does
 * not exist (or no longer does) is a {@link RecordingNotFoundException} where the method needs one.
 */
public interface Catalog extends AutoCloseable {

    /**
     * Adds a recording in state {@code RECORDING} together with its wrapped data key.
     *
     * @throws CatalogException if the id exists already or has a tombstone (ids are never reused)
     */
    void create(RecordingRow row, WrappedKey dataKey) throws CatalogException;

    /** Records the final facts once; sealing a recording that is not {@code RECORDING} is refused. */
    void seal(RecordingId id, Seal seal) throws CatalogException;

    /** Sets the state and its reason, e.g. {@code BLOB_MISSING} found by an integrity check. */
    void setState(RecordingId id, RecordingState state, String reason) throws CatalogException;

    Optional<RecordingRow> find(RecordingId id) throws CatalogException;

    /** See {@link RecordingQuery} for the matching rules and order. */
    List<RecordingRow> search(RecordingQuery query) throws CatalogException;

    /** Sets (adds or overwrites) the given tags; an empty value removes the tag. */
    void putTags(RecordingId id, Map<String, String> tags) throws CatalogException;

    void addSegment(RecordingId id, Segment segment) throws CatalogException;

    /** Segments ordered by start, then end. */
    List<Segment> segments(RecordingId id) throws CatalogException;

    /** @throws RecordingNotFoundException if the recording was never created or has been shredded */
    WrappedKey dataKey(RecordingId id) throws CatalogException;

    /** Ids of the recordings whose data key is wrapped with {@code kekId} (for rotation). */
    List<RecordingId> wrappedWith(String kekId) throws CatalogException;

    /**
     * Replaces a data key's wrapping, only if it is still {@code expected} (compare-and-set, so a
     * concurrent shred or rotation is never undone).
     *
     * @return false if the stored key was no longer {@code expected} (or is gone)
     */
    boolean rewrap(RecordingId id, WrappedKey expected, WrappedKey replacement) throws CatalogException;

    /**
     * Crypto-shredding, catalog half: destroys the wrapped data key and every row holding personal
     * data (recording, tags, segments) and writes a tombstone, in one transaction. Idempotent: shredding
     * a recording that already has a tombstone returns that tombstone.
     *
     * @throws RecordingNotFoundException if there is neither a recording nor a tombstone with this id
     */
    Tombstone shred(RecordingId id, String reason, String actor, Instant at) throws CatalogException;

    Optional<Tombstone> tombstone(RecordingId id) throws CatalogException;

    /** A named setting (e.g. the keyring fingerprint), or empty. */
    Optional<String> setting(String name) throws CatalogException;

    void putSetting(String name, String value) throws CatalogException;

    /** A short description for logs and errors, e.g. "SQLite /data/catalog.db". */
    String describe();

    @Override
    void close() throws CatalogException;
}
