package io.callvault.api.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the API refuses, with the HTTP status and the stable machine-readable {@code code} the client
 * sees in {@code {"error":{"code":…,"message":…}}}. The message is shown to the caller as it is: it says
 * what was wrong and what to do, and never holds secrets or internal detail.
 */
public final class ApiException extends Exception {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    private ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.headers = Map.copyOf(headers);
    }

    /** The same error with a response header added, e.g. Content-Range on a 416. */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, code, getMessage(), more);
    }

    /** Response headers that belong to this error. */
    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400: the request cannot be read (malformed JSON, a parameter of the wrong form). */
    public static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCodes.BAD_REQUEST, message);
    }

    /** 401: no credentials, or credentials that do not (or no longer) hold. */
    public static ApiException unauthenticated(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHENTICATED, message);
    }

    /** 403 with a specific code such as {@code csrf} or {@code password_change_required}. */
    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    /** 404: no such thing, or nothing the caller may see (the two are indistinguishable on purpose). */
    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    /** 409 with a specific code such as {@code held}. */
    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** 413: the body is larger than the limit for this route. */
    public static ApiException tooLarge(String message) {
        return new ApiException(413, ErrorCodes.TOO_LARGE, message);
    }

    /** 415: the body has a content type this route does not take. */
    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, message);
    }

    /** 422: the request is well-formed but its values are not acceptable. */
    public static ApiException invalid(String message) {
        return new ApiException(422, ErrorCodes.INVALID, message);
    }
}
