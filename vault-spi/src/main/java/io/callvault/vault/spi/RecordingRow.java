package io.callvault.vault.spi;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The catalog's description of one recording. Fields that are only known at the end ({@code endedAt},
 * sizes, digest) are null or zero while {@link RecordingState#RECORDING}.
 *
 * @param callId           the SIP Call-ID or other external call reference; null for imports without one
 * @param agent            the agent or extension that handled the call; null if unknown
 * @param blobKey          where the ciphertext lives in the blob store
 * @param formatVersion    the recording file format version (docs/recording-format.md)
 * @param plaintextSha256  hex SHA-256 of the audio frames, null until sealed
 * @param tags             free key/value labels, sorted by key
 */
public record RecordingRow(
        RecordingId id, String callId, Party caller, Party callee, Direction direction, String agent,
        Instant startedAt, Instant endedAt, long durationMillis, AudioFormat format,
        long plaintextBytes, long ciphertextBytes, String plaintextSha256,
        String blobKey, int formatVersion, RecordingState state, String stateReason,
        Map<String, String> tags) {

    public RecordingRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(state, "state");
        stateReason = stateReason == null ? "" : stateReason;
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags == null ? Map.of() : tags));
    }

    /** A new row for a recording that is about to be written. */
    public static RecordingRow started(RecordingId id, String callId, Party caller, Party callee,
                                       Direction direction, String agent, Instant startedAt,
                                       AudioFormat format, String blobKey, int formatVersion,
                                       Map<String, String> tags) {
        return new RecordingRow(id, callId, caller, callee, direction, agent, startedAt, null, 0, format,
                0, 0, null, blobKey, formatVersion, RecordingState.RECORDING, "", tags);
    }

    public RecordingRow withSeal(Seal seal) {
        return new RecordingRow(id, callId, caller, callee, direction, agent, startedAt, seal.endedAt(),
                seal.durationMillis(), format, seal.plaintextBytes(), seal.ciphertextBytes(),
                seal.plaintextSha256(), seal.blobKey(), formatVersion, seal.state(), seal.reason(), tags);
    }

    public RecordingRow withState(RecordingState newState, String reason) {
        return new RecordingRow(id, callId, caller, callee, direction, agent, startedAt, endedAt,
                durationMillis, format, plaintextBytes, ciphertextBytes, plaintextSha256, blobKey,
                formatVersion, newState, reason, tags);
    }

    public RecordingRow withTags(Map<String, String> newTags) {
        return new RecordingRow(id, callId, caller, callee, direction, agent, startedAt, endedAt,
                durationMillis, format, plaintextBytes, ciphertextBytes, plaintextSha256, blobKey,
                formatVersion, state, stateReason, newTags);
    }

    public boolean playable() {
        return state == RecordingState.SEALED || state == RecordingState.INTERRUPTED;
    }
}
