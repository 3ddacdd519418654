package io.callvault.vault.spi.access;

import java.util.Locale;

/**
 * What a user is for. What each role may do is decided in one place, the access matrix in the vault's
 * {@code io.callvault.vault.access} package (documented in docs/access-control.md).
 */
public enum Role {
    /** Configuration, users, keys; no audio. */
    ADMIN,
    /** Retention, legal holds, data-subject requests, the audit log; may listen for those duties. */
    COMPLIANCE,
    /** Listens to, tags and searches the recordings of the agents in their teams. */
    SUPERVISOR,
    /** Their own calls only. */
    AGENT,
    /** Read-only: audit log, configuration, policies; no audio. */
    AUDITOR;

    /** The lower-case name used in the API, the CLI and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed roles */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; use one of admin, compliance, supervisor, "
                + "agent, auditor");
    }
}
