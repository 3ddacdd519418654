package io.callvault.api.recordings;

import io.callvault.api.policy.StoredDecisionView;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.hold.LegalHold;
import io.callvault.vault.spi.retention.RetentionAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Everything known about one recording: its catalog facts, the special time ranges (paused, masked,
 * announcement, gap), the retention policy that governs it and when it expires (null if no policy applies),
 * the active legal holds covering it, and the recording decision it was made under.
 *
 * @param plaintextSha256 SHA-256 of the audio frames as sealed; a download can be checked against it
 * @param decision        the stored decision, null when none is linked (e.g. an imported recording)
 */
public record RecordingDetails(RecordingView recording, String plaintextSha256, List<SegmentView> segments,
                               RetentionView retention, List<HoldView> holds, StoredDecisionView decision) {

    /** A time range in milliseconds from the start; kind paused, masked, announcement or gap. */
    public record SegmentView(long startMillis, long endMillis, String kind, String reason) {
        static SegmentView of(Segment s) {
            return new SegmentView(s.startMillis(), s.endMillis(), s.kind().name().toLowerCase(Locale.ROOT),
                    s.reason());
        }
    }

    public record RetentionView(String policy, Instant retainUntil) {
        static RetentionView of(RetentionAssignment a) {
            return new RetentionView(a.policy(), a.retainUntil());
        }
    }

    /** An active hold, named but without its reason (that is for HOLD_READ holders, under /api/v1/holds). */
    public record HoldView(String id, String name, String matter, Instant createdAt) {
        static HoldView of(LegalHold h) {
            return new HoldView(h.id(), h.name(), h.matter(), h.createdAt());
        }
    }

    static RecordingDetails of(RecordingRow row, List<Segment> segments, RetentionAssignment retention,
                               List<LegalHold> holds, StoredDecisionView decision) {
        return new RecordingDetails(RecordingView.of(row), row.plaintextSha256(),
                segments.stream().map(SegmentView::of).toList(), retention == null ? null : RetentionView.of(retention),
                holds.stream().map(HoldView::of).toList(), decision);
    }
}
