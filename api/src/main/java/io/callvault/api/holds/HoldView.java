package io.callvault.api.holds;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.hold.LegalHold;
import java.time.Instant;
import java.util.List;

/** A legal hold as the API shows it; {@code active} is false once it has been released. */
public record HoldView(String id, String name, String reason, String matter, String createdBy, Instant createdAt,
                       ScopeView scope, boolean active, String releaseRequestedBy, Instant releaseRequestedAt,
                       String releaseReason, String releasedBy, Instant releasedAt) {

    /** Either {@code recordingIds} or a search ({@code party} and/or {@code since}/{@code until}). */
    public record ScopeView(List<String> recordingIds, String party, Instant since, Instant until) {
        static ScopeView of(HoldScope s) {
            return new ScopeView(s.recordingIds().stream().map(RecordingId::toString).toList(),
                    s.party() == null ? null : s.party().toString(), s.since(), s.until());
        }
    }

    public static HoldView of(LegalHold h) {
        return new HoldView(h.id(), h.name(), h.reason(), h.matter(), h.createdBy(), h.createdAt(),
                ScopeView.of(h.scope()), h.active(), h.releaseRequestedBy(), h.releaseRequestedAt(), h.releaseReason(),
                h.releasedBy(), h.releasedAt());
    }
}
