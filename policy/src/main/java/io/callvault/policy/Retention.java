package io.callvault.policy;

import java.util.Objects;

/**
 * The retention class a recording is filed under.
 *
 * @param retentionClass a key of the rules' [retention_classes]
 * @param days           how long that class keeps recordings
 */
public record Retention(String retentionClass, int days) {
    public Retention {
        Objects.requireNonNull(retentionClass, "retentionClass");
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
    }
}
