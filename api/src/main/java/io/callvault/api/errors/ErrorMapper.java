package io.callvault.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callvault.vault.GovernanceException;
import io.callvault.vault.RecordingHeldException;
import io.callvault.vault.access.AccessDeniedException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a handler threw into the API's error body {@code {"error":{"code","message"}}}.
 *
 * <p>Known refusals keep their message: {@link ApiException} as it is, {@link AccessDeniedException} as 403
 * {@code forbidden}, {@link GovernanceException} by kind (NOT_FOUND 404, CONFLICT 409, INVALID 422, with the
 * operation's own code), {@link RecordingHeldException} as 409 {@code held}, {@link IllegalArgumentException}
 * (a domain value's check) as 422. Anything else is a 500 {@code internal} whose message carries only a
 * random reference; the reference and the full exception go to the log, so the body never shows a stack
 * trace, a class name or a SQL statement.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers every API response carries (set by the before-handler); they survive the reset of a failed response. */
    private static final List<String> KEPT_HEADERS = List.of("Cache-Control", "X-Content-Type-Options");

    private ErrorMapper() {
    }

    /** Writes the error response for {@code failure}; the response must not have been committed yet. */
    public static void write(Context ctx, Throwable failure) {
        ApiException e = map(ctx, failure);
        respond(ctx, e.status(), e.code(), e.getMessage());
        e.headers().forEach(ctx::header);
    }

    /** Writes an error body directly. */
    public static void respond(Context ctx, int status, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = ctx.res().getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        try {
            ctx.res().reset();
        } catch (IllegalStateException committed) {
            LOG.warn("{} {} failed after its response began ({}); aborting the connection", ctx.method(), ctx.path(),
                    code);
            Abort.connection(ctx);
            return;
        }
        kept.forEach(ctx::header);
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(Map.of("error", error)));
        } catch (JsonProcessingException impossible) {
            ctx.status(status).contentType("application/json").result("{\"error\":{\"code\":\"" + code
                    + "\",\"message\":\"\"}}");
        }
    }

    static ApiException map(Context ctx, Throwable failure) {
        return switch (failure) {
            case ApiException e -> e;
            case AccessDeniedException e -> ApiException.forbidden(ErrorCodes.FORBIDDEN, e.getMessage());
            case RecordingHeldException e -> ApiException.conflict(ErrorCodes.HELD, e.getMessage());
            case GovernanceException e -> switch (e.kind()) {
                case NOT_FOUND -> new ApiException(404, e.code(), e.getMessage());
                case CONFLICT -> new ApiException(409, e.code(), e.getMessage());
                case INVALID -> new ApiException(422, e.code(), e.getMessage());
                case FAILED -> internal(ctx, e);
            };
            case IllegalArgumentException e when e.getMessage() != null ->
                    ApiException.invalid(e.getMessage());
            case HttpResponseException e when e.getStatus() >= 400 && e.getStatus() < 500 ->
                    new ApiException(e.getStatus(), codeFor(e.getStatus()), e.getMessage());
            default -> internal(ctx, failure);
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHENTICATED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 413 -> ErrorCodes.TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 416 -> ErrorCodes.RANGE_NOT_SATISFIABLE;
            case 422 -> ErrorCodes.INVALID;
            default -> ErrorCodes.CONFLICT;
        };
    }

    private static ApiException internal(Context ctx, Throwable failure) {
        String reference = HexFormat.of().formatHex(randomBytes());
        LOG.error("Internal error {} on {} {}", reference, ctx.method(), ctx.path(), failure);
        return new ApiException(500, ErrorCodes.INTERNAL, "internal error; quote reference " + reference
                + " to the administrator, who finds the details in the server log");
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
