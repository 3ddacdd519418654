package io.callvault.api.system;

import static io.callvault.api.http.Access.PUBLIC;

import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/v1/openapi.yaml}: the hand-written OpenAPI 3.1 description of this API, without
 * authentication (it describes the API, it holds no data). OpenApiContractTest keeps it equal to the
 * route table.
 */
public final class OpenApiRoute {
    public static final String RESOURCE = "/io/callvault/api/openapi.yaml";

    private final byte[] document;

    public OpenApiRoute() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the api jar (" + RESOURCE + ")");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/openapi.yaml", PUBLIC, this::serve));
    }

    private void serve(Context ctx, Principal none) {
        ctx.status(200).contentType("application/yaml").result(document);
    }
}
