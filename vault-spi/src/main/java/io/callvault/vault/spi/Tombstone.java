package io.callvault.vault.spi;

import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.Objects;

/**
 * What remains of a deleted recording: its id, when, why and by whom. It holds no personal data (no
 * numbers, names or tags), so it can be kept for as long as the audit trail needs.
 */
public record Tombstone(RecordingId id, Instant deletedAt, String reason, String deletedBy) {
    public Tombstone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deletedBy, "deletedBy");
    }
}
