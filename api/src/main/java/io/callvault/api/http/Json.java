package io.callvault.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callvault.api.errors.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * JSON in and out of the API. Request bodies are read with a byte limit (413 past it) and bound to
 * records strictly: an unknown field, a value of the wrong type or malformed JSON is a 400 whose message
 * names the field or the position, never a Java class. Instants are ISO-8601 strings. Thread-safe.
 */
public final class Json {
    /** Shared and thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Writes {@code body} as the JSON response with {@code status}. */
    public static void write(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    }

    /**
     * Reads the request body as {@code type}. The body must be {@code application/json} (415 otherwise) and
     * at most {@code maxBytes} long (413 otherwise, decided on the declared length when there is one, else
     * while reading); an empty body is a 400.
     */
    public static <T> T read(Context ctx, Class<T> type, long maxBytes) throws ApiException {
        requireJson(ctx);
        byte[] body = readLimited(ctx, maxBytes);
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        return parse(body, type);
    }

    /**
     * Reads an optional request body as {@code type}: empty when the request has no body (whatever its
     * content type), otherwise as {@link #read} does (415 unless {@code application/json}, 413 past
     * {@code maxBytes}, 400 or 422 for a body that does not bind).
     */
    public static <T> Optional<T> readOptional(Context ctx, Class<T> type, long maxBytes) throws ApiException {
        byte[] body = readLimited(ctx, maxBytes);
        if (body.length == 0) {
            return Optional.empty();
        }
        requireJson(ctx);
        return Optional.of(parse(body, type));
    }

    private static void requireJson(Context ctx) throws ApiException {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json");
        }
    }

    private static <T> T parse(byte[] body, Class<T> type) throws ApiException {
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'" + where(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw ApiException.invalid(invalid.getMessage());
            }
            String field = path(e);
            throw ApiException.badRequest(field.isEmpty() ? "the body is not the expected JSON object" + where(e)
                    : "field '" + field + "' has the wrong type or form" + where(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON" + where(e));
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read");
        }
    }

    /** The raw body, at most {@code maxBytes}; 413 beyond. */
    static byte[] readLimited(Context ctx, long maxBytes) throws ApiException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read");
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return ApiException.tooLarge("a JSON body may be at most " + maxBytes + " bytes");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String where(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }
}
