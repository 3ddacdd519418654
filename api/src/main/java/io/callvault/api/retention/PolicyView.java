package io.callvault.api.retention;

import io.callvault.vault.spi.retention.RetentionPolicy;
import java.util.Map;

/** A retention policy as the API shows it (the same fields as {@link RetentionPolicy}). */
public record PolicyView(String name, int retainDays, Map<String, String> match, int priority,
                         boolean overridesErasure, String description) {
    public static PolicyView of(RetentionPolicy p) {
        return new PolicyView(p.name(), p.retainDays(), p.match(), p.priority(), p.overridesErasure(), p.description());
    }
}
