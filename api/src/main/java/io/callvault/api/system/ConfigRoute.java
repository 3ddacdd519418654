package io.callvault.api.system;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/config}: the effective configuration (CONFIG_READ), key by key, as the server supplies
 * it — already redacted there (passwords and secrets replaced), so nothing secret passes this route.
 * Audited as config.read.
 */
public final class ConfigRoute {
    private final Supplier<Map<String, String>> redactedConfig;
    private final AuditTrail audit;

    public ConfigRoute(Supplier<Map<String, String>> redactedConfig, AuditTrail audit) {
        this.redactedConfig = redactedConfig;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/config", SIGNED_IN, this::config));
    }

    private void config(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.CONFIG_READ, "config.read", "");
        Map<String, String> settings = new TreeMap<>(redactedConfig.get());
        audit.record(caller.actor(), "config.read", "", "ok", settings.size() + " settings");
        Json.write(ctx, 200, Map.of("settings", settings));
    }
}
