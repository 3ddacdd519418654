package io.callvault.vault.spi.dsar;

import java.time.Instant;
import java.util.Objects;

/** One thing done on a data-subject request, e.g. "export" by "carol" with what it contained. */
public record DsarAction(Instant at, String actor, String action, String details) {
    public DsarAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? "" : details;
    }
}
