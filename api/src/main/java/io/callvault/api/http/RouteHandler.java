package io.callvault.api.http;

import io.javalin.http.Context;

/** The body of one API route. Whatever it throws becomes an error response (see ErrorMapper). */
@FunctionalInterface
public interface RouteHandler {
    /** @param caller the authenticated caller; null only on {@link Access#PUBLIC} routes */
    void handle(Context ctx, Principal caller) throws Exception;
}
