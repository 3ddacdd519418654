package io.callvault.api.policy;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.CallContext;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.policy.rules.LineFlag;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/policy/explain?caller=&callee=&direction=&lineFlag=}: what the recording policy would
 * decide for a call between two parties, with every reason, without placing a call (CONFIG_READ: it shows the
 * configured rules). The call context is the one a live call gets ({@link CallSetup}); {@code lineFlag}
 * (repeatable: hipaa, pci) adds flags as a line would. The answer is the {@link DecisionView} form. Audited as
 * policy.explain, without the numbers.
 */
public final class PolicyRoutes {
    private final Policy policy;
    private final CallSetup setup;
    private final AuditTrail audit;

    public PolicyRoutes(Policy policy, CallSetup setup, AuditTrail audit) {
        this.policy = policy;
        this.setup = setup;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/policy/explain", SIGNED_IN, this::explain));
    }

    private void explain(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.CONFIG_READ, "policy.explain", "");
        PhoneNumber from = required(ctx, "caller");
        PhoneNumber to = required(ctx, "callee");
        String dir = Params.optional(ctx, "direction");
        Direction direction;
        try {
            direction = dir == null ? CallSetup.directionOf(from, to) : Direction.parse(dir);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter 'direction': " + e.getMessage());
        }
        CallContext call = setup.context(from, to, direction);
        Set<String> flags = new TreeSet<>(call.lineFlags());
        flags.addAll(lineFlags(ctx));
        Decision decision = policy.decide(call.withLineFlags(flags));
        audit.record(caller.actor(), "policy.explain", "", "ok", (decision.record() ? "record" : "do not record")
                + " under rules " + decision.rulesVersion());
        Json.write(ctx, 200, DecisionView.toMap(decision));
    }

    private static PhoneNumber required(Context ctx, String name) throws ApiException {
        PhoneNumber n = Params.numberParam(ctx, name);
        if (n == null) {
            throw ApiException.badRequest("query parameter '" + name + "' is required: an E.164 number "
                    + "(+14155550123, '+' encoded as %2B) or an extension");
        }
        return n;
    }

    private static Set<String> lineFlags(Context ctx) throws ApiException {
        Set<String> flags = new TreeSet<>();
        for (String f : ctx.queryParams("lineFlag")) {
            try {
                flags.add(LineFlag.parse(f.strip()).id());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("query parameter 'lineFlag': " + e.getMessage());
            }
        }
        return flags;
    }
}
