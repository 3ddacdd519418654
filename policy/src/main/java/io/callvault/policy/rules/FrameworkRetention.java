package io.callvault.policy.rules;

import java.util.Objects;

/**
 * One step of the retention order: when {@code framework} applies to a call, its recording takes
 * {@code retentionClass}. The first step whose framework applies wins.
 */
public record FrameworkRetention(Framework framework, String retentionClass) {
    public FrameworkRetention {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(retentionClass, "retentionClass");
    }
}
