package io.callvault.api.errors;

/**
 * The stable error codes of {@code /api/v1} (documented in openapi.yaml, schema {@code Error}). Clients may
 * switch on them; they never change meaning. Governance operations add their own codes (e.g.
 * {@code four_eyes}), passed through from {@link io.callvault.vault.GovernanceException#code()}.
 */
public final class ErrorCodes {
    public static final String BAD_REQUEST = "bad_request";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String CSRF = "csrf";
    public static final String PASSWORD_CHANGE_REQUIRED = "password_change_required";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String HELD = "held";
    /** 409: pause or resume of a live call that is not recorded. */
    public static final String NOT_RECORDING = "not_recording";
    /** 409: pause of a live call whose recording is paused already. */
    public static final String ALREADY_PAUSED = "already_paused";
    /** 409: resume of a live call whose recording is not paused. */
    public static final String NOT_PAUSED = "not_paused";
    public static final String TOO_LARGE = "too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String RANGE_NOT_SATISFIABLE = "range_not_satisfiable";
    public static final String INVALID = "invalid";
    public static final String INTERNAL = "internal";

    private ErrorCodes() {
    }
}
