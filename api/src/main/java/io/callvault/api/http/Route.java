package io.callvault.api.http;

import io.javalin.http.HandlerType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the API's route table: method, Javalin path (path parameters as {@code {name}}, the same
 * spelling openapi.yaml uses), who may call it at all, and the handler. The table is what Api registers
 * and what the OpenAPI contract test compares with the document.
 */
public record Route(HandlerType method, String path, Access access, RouteHandler handler) {
    /** Lower-case segments, or a path parameter named in camel case ({@code {callId}}). */
    private static final Pattern PATH = Pattern.compile("/api/v1(/([a-z0-9.-]+|\\{[a-z][A-Za-z]*}))+");

    public Route {
        Objects.requireNonNull(method, "method");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("API routes live under /api/v1, not " + path);
        }
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
    }

    public static Route get(String path, Access access, RouteHandler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    public static Route post(String path, Access access, RouteHandler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    public static Route put(String path, Access access, RouteHandler handler) {
        return new Route(HandlerType.PUT, path, access, handler);
    }

    public static Route patch(String path, Access access, RouteHandler handler) {
        return new Route(HandlerType.PATCH, path, access, handler);
    }

    public static Route delete(String path, Access access, RouteHandler handler) {
        return new Route(HandlerType.DELETE, path, access, handler);
    }

    /** True for methods that change state, which need a CSRF token when the caller uses a cookie. */
    public static boolean changesState(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
                || method == HandlerType.DELETE;
    }

    /** "GET /api/v1/…", for logs and test names. */
    public String describe() {
        return method + " " + path;
    }
}
