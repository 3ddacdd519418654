package io.callvault.api.retention;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.retention.RetentionRun;
import io.callvault.vault.spi.retention.RetentionPolicy;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/retention}: policies and runs, through {@link Retention}, which checks RETENTION_READ /
 * RETENTION_MANAGE and audits every call. A run crypto-shreds expired recordings not under legal hold;
 * {@code ?dryRun=true} (the default, so nothing is deleted by accident) only reports what a run would do
 * and needs only RETENTION_READ.
 */
public final class RetentionRoutes {
    /** {@code PUT …/policies/{name}} body; the name comes from the path. */
    public record PutPolicy(Integer retainDays, Map<String, String> match, Integer priority, Boolean overridesErasure,
                            String description) {
    }

    /** One verdict of a run. */
    public record RunItem(String id, String policy, Instant retainUntil, String outcome, String reason) {
    }

    /** A run's report: per expired recording, deleted, would_delete, kept_held, kept or failed. */
    public record RunView(Instant at, boolean dryRun, String summary, List<RunItem> items) {
        static RunView of(RetentionRun r) {
            return new RunView(r.at(), r.dryRun(), r.summary(), r.items().stream()
                    .map(i -> new RunItem(i.id().toString(), i.policy(), i.retainUntil(), i.outcome(), i.reason()))
                    .toList());
        }
    }

    private final Retention retention;
    private final AuditTrail audit;
    private final int maxBodyBytes;

    /** @param audit used only to refuse (and audit) a caller without RETENTION_MANAGE before the body is read */
    public RetentionRoutes(Retention retention, AuditTrail audit, int maxBodyBytes) {
        this.retention = retention;
        this.audit = audit;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/retention/policies", SIGNED_IN, this::policies),
                Route.put("/api/v1/retention/policies/{name}", SIGNED_IN, this::put),
                Route.delete("/api/v1/retention/policies/{name}", SIGNED_IN, this::delete),
                Route.post("/api/v1/retention/run", SIGNED_IN, this::run));
    }

    private void policies(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, Map.of("items", retention.policies(caller.actor()).stream().map(PolicyView::of).toList()));
    }

    private void put(Context ctx, Principal caller) throws Exception {
        String name = ctx.pathParam("name");
        audit.require(caller.actor(), Permission.RETENTION_MANAGE, "retention.policy_put", name);
        PutPolicy req = Json.read(ctx, PutPolicy.class, maxBodyBytes);
        if (req.retainDays() == null) {
            throw ApiException.invalid("retainDays: required, 1.." + RetentionPolicy.MAX_DAYS);
        }
        RetentionPolicy policy = new RetentionPolicy(name, req.retainDays(), req.match(),
                req.priority() == null ? 0 : req.priority(), Boolean.TRUE.equals(req.overridesErasure()),
                req.description());
        retention.putPolicy(caller.actor(), policy);
        Json.write(ctx, 200, PolicyView.of(policy));
    }

    private void delete(Context ctx, Principal caller) throws Exception {
        String name = ctx.pathParam("name");
        if (!retention.deletePolicy(caller.actor(), name)) {
            throw ApiException.notFound("no retention policy " + name);
        }
        ctx.status(204);
    }

    private void run(Context ctx, Principal caller) throws Exception {
        boolean dryRun = Params.bool(ctx, "dryRun", true);
        Json.write(ctx, 200, RunView.of(retention.run(caller.actor(), dryRun)));
    }
}
