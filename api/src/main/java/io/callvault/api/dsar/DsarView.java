package io.callvault.api.dsar;

import io.callvault.core.PhoneNumber;
import io.callvault.vault.spi.dsar.DsarAction;
import io.callvault.vault.spi.dsar.DsarRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A data-subject request as the API shows it; kind access|erasure, status open|completed|rejected. */
public record DsarView(String id, String kind, List<String> numbers, String subjectName, String subjectEmail,
                       Instant receivedAt, Instant dueAt, String status, String createdBy, List<ActionView> actions) {

    /** One step taken on the request, oldest first. */
    public record ActionView(Instant at, String actor, String action, String details) {
        static ActionView of(DsarAction a) {
            return new ActionView(a.at(), a.actor(), a.action(), a.details());
        }
    }

    public static DsarView of(DsarRequest r) {
        return new DsarView(r.id(), r.kind().name().toLowerCase(Locale.ROOT),
                r.numbers().stream().map(PhoneNumber::toString).toList(), r.subjectName(), r.subjectEmail(),
                r.receivedAt(), r.dueAt(), r.status().name().toLowerCase(Locale.ROOT), r.createdBy(),
                r.actions().stream().map(ActionView::of).toList());
    }
}
