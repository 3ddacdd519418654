package io.callvault.vault.dsar;

import io.callvault.vault.spi.dsar.DsarRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Open data-subject requests that need attention at {@code at}.
 *
 * @param overdue past their due time ({@code dueAt < at}), earliest due first
 * @param dueSoon due within the next 7 days ({@code at <= dueAt <= at + 7 days}), earliest due first
 */
public record Deadlines(Instant at, List<DsarRequest> overdue, List<DsarRequest> dueSoon) {
    public Deadlines {
        Objects.requireNonNull(at, "at");
        overdue = List.copyOf(overdue);
        dueSoon = List.copyOf(dueSoon);
    }

    public boolean clear() {
        return overdue.isEmpty() && dueSoon.isEmpty();
    }
}
