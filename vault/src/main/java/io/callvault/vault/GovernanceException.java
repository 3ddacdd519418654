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

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
