package io.callvault.api.auth;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The browser session cookie {@code cv_session}: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Path=/, Secure when the API is served over HTTPS, and a Max-Age equal to the
 * session's lifetime. Written by hand so every attribute is exactly as stated.
 */
public final class SessionCookie {
    public static final String NAME = "cv_session";

    private SessionCookie() {
    }

    public static void set(Context ctx, String value, Duration ttl, boolean secure) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + value + "; Path=/; Max-Age=" + ttl.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    /** Tells the browser to drop the cookie. */
    public static void clear(Context ctx, boolean secure) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    /** The cookie's value in the request, or null. */
    public static String read(Context ctx) {
        String v = ctx.cookie(NAME);
        return v == null || v.isBlank() ? null : v;
    }
}
