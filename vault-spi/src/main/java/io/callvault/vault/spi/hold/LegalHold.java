package io.callvault.vault.spi.hold;

import java.time.Instant;
import java.util.Objects;

/**
 * A legal hold: while active, nothing it covers may be deleted by any path (retention, manual deletion,
 * erasure). Releasing takes two different people: one requests ({@code releaseRequestedBy}), another
 * approves ({@code releasedBy}).
 */
public record LegalHold(String id, String name, String reason, String matter, String createdBy, Instant createdAt,
                        HoldScope scope, String releaseRequestedBy, Instant releaseRequestedAt, String releaseReason,
                        String releasedBy, Instant releasedAt) {
    public LegalHold {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a hold needs a name of 1-200 characters");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a hold needs a reason");
        }
        matter = matter == null ? "" : matter.strip();
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(scope, "scope");
        if ((releaseRequestedBy == null) != (releaseRequestedAt == null)
                || (releasedBy == null) != (releasedAt == null)
                || (releasedBy != null && releaseRequestedBy == null)) {
            throw new IllegalArgumentException("inconsistent release fields of hold " + id);
        }
    }

    public static LegalHold create(String id, String name, String reason, String matter, String createdBy,
                                   Instant at, HoldScope scope) {
        return new LegalHold(id, name, reason, matter, createdBy, at, scope, null, null, null, null, null);
    }

    public boolean active() {
        return releasedAt == null;
    }

    public boolean releaseRequested() {
        return releaseRequestedAt != null && releasedAt == null;
    }
}
