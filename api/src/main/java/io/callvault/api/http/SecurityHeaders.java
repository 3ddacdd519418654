package io.callvault.api.http;

import io.javalin.http.Context;

/**
 * Headers on every API response, errors included: nothing is cached (responses hold personal data and
 * audio), and browsers do not sniff a content type other than the one declared.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
    }
}
