package io.callvault.server.http;

import io.callvault.api.Api;
import io.callvault.api.ApiContext;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.javalin.Javalin;
import java.util.Map;

/**
 * The HTTP side of the server: {@code GET /healthz} (the process is up), {@code GET /readyz} (the catalog
 * answers), and the REST API under {@code /api/v1} (see the api module and its openapi.yaml).
 */
public final class HttpServer implements AutoCloseable {
    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static HttpServer start(ServerConfig.Http config, ApiContext api) {
        Vault vault = api.vault();
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = config.bind();
            c.jetty.port = config.port();
            c.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            c.routes.get("/readyz", ctx -> {
                try {
                    vault.catalog().search(RecordingQuery.all().withPage(0, 1));
                    ctx.json(Map.of("status", "ready"));
                } catch (Exception e) {
                    ctx.status(503).json(Map.of("status", "catalog unavailable"));
                }
            });
            Api.install(c, api);
        });
        app.start();
        return new HttpServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
