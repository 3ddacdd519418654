package io.callvault.vault;

import java.util.Objects;

/**
 * A governed operation (hold, retention, data-subject request, user or token change) that could not be
 * done. {@code kind} says what sort of failure it is, so the API can answer 404/409/422 without parsing
 * messages; {@code code} is a stable machine-readable reason such as {@code "four_eyes"} or
 * {@code "held"}; the message says what to do next and holds no secrets.
 */
public class GovernanceException extends Exception {
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        FAILED
    }

    private final Kind kind;
    private final String code;

    public GovernanceException(Kind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
    }

    public GovernanceException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
    }

    /**
     * A store failure as a governance failure: a missing recording is NOT_FOUND ("recording_not_found"), a
     * clash with stored state CONFLICT ("conflict"), anything else FAILED ("storage"). Keeps the cause.
     */
    public static GovernanceException fromCatalog(io.callvault.vault.spi.CatalogException e) {
        if (e instanceof io.callvault.vault.spi.RecordingNotFoundException) {
            return new GovernanceException(Kind.NOT_FOUND, "recording_not_found", e.getMessage(), e);
        }
        if (e instanceof io.callvault.vault.spi.ConflictException) {
            return new GovernanceException(Kind.CONFLICT, "conflict", e.getMessage() + "; reload and retry", e);
        }
        return new GovernanceException(Kind.FAILED, "storage", "the catalog failed: " + e.getMessage(), e);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
