package io.callvault.vault.spi.dsar;

import io.callvault.core.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A data-subject request. The subject is identified by phone numbers (at least one); name and email are
 * optional and only help the people handling it.
 *
 * @param dueAt   {@code receivedAt} plus the legal deadline (30 days)
 * @param actions oldest first
 */
public record DsarRequest(String id, DsarKind kind, List<PhoneNumber> numbers, String subjectName,
                          String subjectEmail, Instant receivedAt, Instant dueAt, DsarStatus status,
                          String createdBy, List<DsarAction> actions) {
    public DsarRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (numbers == null || numbers.isEmpty()) {
            throw new IllegalArgumentException("a data-subject request needs at least one phone number");
        }
        numbers = List.copyOf(numbers);
        subjectName = subjectName == null ? "" : subjectName.strip();
        subjectEmail = subjectEmail == null ? "" : subjectEmail.strip();
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        actions = List.copyOf(actions == null ? List.of() : actions);
    }
}
