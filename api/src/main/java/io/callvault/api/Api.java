package io.callvault.api;

import io.callvault.api.announcements.AnnouncementRoutes;
import io.callvault.api.audit.AuditRoutes;
import io.callvault.api.auth.Authenticator;
import io.callvault.api.auth.LoginThrottle;
import io.callvault.api.auth.Logins;
import io.callvault.api.auth.SessionRoutes;
import io.callvault.api.auth.TokenRoutes;
import io.callvault.api.calls.CallRoutes;
import io.callvault.api.dsar.DsarRoutes;
import io.callvault.api.errors.ApiException;
import io.callvault.api.errors.ErrorMapper;
import io.callvault.api.holds.HoldRoutes;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.api.http.SecurityHeaders;
import io.callvault.api.policy.PolicyRoutes;
import io.callvault.api.recordings.AudioRoute;
import io.callvault.api.recordings.ImportRoute;
import io.callvault.api.recordings.RecordingRoutes;
import io.callvault.api.retention.RetentionRoutes;
import io.callvault.api.system.ConfigRoute;
import io.callvault.api.system.KeyRoutes;
import io.callvault.api.system.OpenApiRoute;
import io.callvault.api.users.UserRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API, {@code /api/v1} (described in openapi.yaml, served at {@code GET /api/v1/openapi.yaml}).
 *
 * <p>{@link #install} registers on a Javalin configuration: every route of {@link #routes}, each wrapped so
 * that the caller is authenticated first ({@link Authenticator}: session cookie with CSRF, or bearer token)
 * and whatever the handler throws becomes a JSON error ({@link ErrorMapper}); a before-handler adding
 * no-store and nosniff headers; a JSON 404 for any other path under {@code /api/}; and exception mapping
 * that keeps stack traces out of API responses. Permissions are not decided here: each handler asks the
 * vault's access matrix, directly or through the governance services.
 */
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private Api() {
    }

    /** Registers the API on {@code config}; call inside {@code Javalin.create(c -> …)}. */
    public static void install(JavalinConfig config, ApiContext ctx) {
        Authenticator authenticator = new Authenticator(ctx.users(), ctx.credentials(), ctx.clock());
        config.routes.before("/api/*", SecurityHeaders::apply);
        for (Route route : routes(ctx)) {
            config.routes.addHttpHandler(route.method(), route.path(), c -> handle(c, route, authenticator));
        }
        for (HandlerType method : METHODS) {
            config.routes.addHttpHandler(method, "/api/*", Api::unknownRoute);
        }
        config.routes.exception(Exception.class, Api::uncaught);
    }

    /**
     * The route table, in registration order (specific paths before the path-parameter ones they would
     * otherwise match). Handlers are bound to {@code ctx} but nothing is called until a request arrives.
     */
    public static List<Route> routes(ApiContext ctx) {
        ApiSettings s = ctx.settings();
        Logins logins = new Logins(ctx.users(), ctx.credentials(), ctx.audit(), ctx.clock(),
                new LoginThrottle(s.lockoutAfterFailures(), s.lockoutBase(), s.lockoutMax()), s.sessionTtl());
        List<Route> routes = new ArrayList<>();
        routes.addAll(new OpenApiRoute().routes());
        routes.addAll(new SessionRoutes(logins, ctx.users(), ctx.credentials(), ctx.audit(), s.sessionTtl(),
                s.secureCookies(), s.maxBodyBytes()).routes());
        routes.addAll(new TokenRoutes(ctx.credentials(), ctx.audit(), ctx.clock(), s.maxBodyBytes()).routes());
        routes.addAll(new UserRoutes(ctx.users(), ctx.credentials(), ctx.audit(), ctx.clock(), s.maxBodyBytes())
                .routes());
        routes.addAll(new RecordingRoutes(ctx.vault(), ctx.users(), ctx.audit(), ctx.holds(),
                ctx.retentionAssignments(), ctx.decisions(), s.maxBodyBytes()).routes());
        routes.addAll(new AudioRoute(ctx.vault(), ctx.users(), ctx.audit()).routes());
        routes.addAll(new ImportRoute(ctx.vault(), ctx.audit(), ctx.clock(), s.maxUploadBytes()).routes());
        routes.addAll(new HoldRoutes(ctx.holds(), ctx.audit(), s.maxBodyBytes()).routes());
        routes.addAll(new RetentionRoutes(ctx.retention(), ctx.audit(), s.maxBodyBytes()).routes());
        routes.addAll(new DsarRoutes(ctx.dsars(), ctx.audit(), s.maxBodyBytes()).routes());
        routes.addAll(new AuditRoutes(ctx.audit()).routes());
        routes.addAll(new ConfigRoute(ctx.redactedConfig(), ctx.audit()).routes());
        routes.addAll(new PolicyRoutes(ctx.policy(), ctx.callSetup(), ctx.audit()).routes());
        routes.addAll(new AnnouncementRoutes(ctx.prompts(), ctx.audit()).routes());
        routes.addAll(new CallRoutes(ctx.calls(), ctx.users(), ctx.audit(), s.maxBodyBytes()).routes());
        routes.addAll(new KeyRoutes(ctx.vault(), ctx.audit()).routes());
        checkUnique(routes);
        return List.copyOf(routes);
    }

    private static void handle(Context c, Route route, Authenticator authenticator) {
        try {
            Principal caller = authenticator.authenticate(c, route.access());
            route.handler().handle(c, caller);
        } catch (Exception e) {
            ErrorMapper.write(c, e);
        }
    }

    private static void unknownRoute(Context c) {
        ErrorMapper.write(c, ApiException.notFound("no API route " + c.method() + " " + c.path()
                + "; the routes are listed in /api/v1/openapi.yaml"));
    }

    /** Last resort for exceptions outside the route wrapper: JSON without detail under /api/, plain text elsewhere. */
    private static void uncaught(Exception e, Context c) {
        if (c.path().startsWith("/api/")) {
            ErrorMapper.write(c, e);
        } else {
            LOG.error("Unhandled error on {} {}", c.method(), c.path(), e);
            c.status(500).contentType("text/plain").result("Internal server error");
        }
    }

    private static void checkUnique(List<Route> routes) {
        Set<String> seen = new HashSet<>();
        for (Route r : routes) {
            if (!seen.add(r.describe())) {
                throw new IllegalStateException("route registered twice: " + r.describe());
            }
        }
    }
}
