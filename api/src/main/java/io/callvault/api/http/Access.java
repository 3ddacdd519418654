package io.callvault.api.http;

/** Who may call a route at all, before any permission is asked. */
public enum Access {
    /** No credentials needed (signing in, the OpenAPI document). */
    PUBLIC,
    /**
     * Signed-in, and allowed even while the user must still change a one-time password: looking at and
     * ending one's session, and changing the password.
     */
    SIGNED_IN_PASSWORD_CHANGE,
    /** Signed-in with a password that need not be changed; every other route. */
    SIGNED_IN
}
