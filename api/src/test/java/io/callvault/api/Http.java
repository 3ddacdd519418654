package io.callvault.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.api.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for the API under test: JSON bodies, cookie + CSRF or bearer credentials. */
final class Http {
    /** How a request authenticates. */
    record Auth(String bearer, String cookie, String csrf) {
        static final Auth NONE = new Auth(null, null, null);

        static Auth bearer(String token) {
            return new Auth(token, null, null);
        }

        static Auth session(String cookie, String csrf) {
            return new Auth(null, cookie, csrf);
        }

        Auth withoutCsrf() {
            return new Auth(bearer, cookie, null);
        }
    }

    /** A response with its body as bytes. */
    record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path, Auth auth) {
        return send("GET", path, null, null, auth, Map.of());
    }

    /** A request with a JSON body (null: no body). */
    Response json(String method, String path, Object body, Auth auth) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.MAPPER.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return send(method, path, bytes, bytes == null ? null : "application/json", auth, Map.of());
    }

    Response send(String method, String path, byte[] body, String contentType, Auth auth, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (body != null && body.length > 16 * 1024) {
            // as curl does for large bodies: a refusal (401/403/413) then arrives before the body is sent,
            // instead of the server closing the connection under a client still writing (broken pipe)
            b.expectContinue(true);
        }
        if (auth.bearer() != null) {
            b.header("Authorization", "Bearer " + auth.bearer());
        }
        if (auth.cookie() != null) {
            b.header("Cookie", "cv_session=" + auth.cookie());
        }
        if (auth.csrf() != null) {
            b.header("X-CSRF-Token", auth.csrf());
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A multipart/form-data body: text fields, then one file part named "file". */
    static byte[] multipart(String boundary, Map<String, java.util.List<String>> fields, String filename, byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fields.forEach((name, values) -> values.forEach(v -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: "
                + "form-data; name=\"" + name + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8))));
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
