package io.callvault.vault.spi.retention;

import io.callvault.core.RecordingId;
import java.time.Instant;
import java.util.Objects;

/** Which retention policy governs a recording and when it expires. */
public record RetentionAssignment(RecordingId id, String policy, Instant retainUntil) {
    public RetentionAssignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }
}
