package io.callvault.api.calls;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.calls.CallControl.Result;
import io.callvault.api.errors.ApiException;
import io.callvault.api.errors.ErrorCodes;
import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Actor;
import io.callvault.vault.access.Permission;
import io.callvault.vault.access.RecordingScope;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.access.UserStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /api/v1/calls}: the live calls, and pausing and resuming their recording while a card is paid for
 * (docs/api.md, "Pausing a call's recording"). Every route needs CALL_CONTROL and sees only the calls in the
 * caller's {@link RecordingScope} (agent, caller or callee is theirs, or their team's for a supervisor).
 * <ul>
 *   <li>{@code GET /live} lists them (audited as call.list with the count);</li>
 *   <li>{@code POST /{callId}/pause}, optional body {@code {"reason": "…"}} (default {@value #DEFAULT_REASON}),
 *       pauses with trigger {@value #TRIGGER} as the caller (audited as call.pause, target the label,
 *       details the reason and trigger);</li>
 *   <li>{@code POST /{callId}/resume} resumes (audited as call.resume).</li>
 * </ul>
 * {@code callId} is the call label or the SIP Call-ID, URL-encoded. A call that is not live and one outside
 * the scope are the same 404, so calls cannot be probed; 409 {@code not_recording}, {@code already_paused},
 * {@code not_paused} say why nothing changed. Refusals are audited as denied, 404 and 409 as failed.
 */
public final class CallRoutes {
    /** The trigger the recording's evidence names for a pause or resume made through the API. */
    public static final String TRIGGER = "api";
    /** The reason of a pause whose request gives none. */
    public static final String DEFAULT_REASON = "payment";
    /** Longest reason; it is kept in the recording's evidence and the audit log. */
    public static final int MAX_REASON_LENGTH = 200;
    /**
     * Most digits a reason may hold: it ends up in the append-only audit log, which can never be cleaned of a
     * card number pasted into it by mistake.
     */
    public static final int MAX_REASON_DIGITS = 4;

    /** The optional body of a pause; a null reason means {@link #DEFAULT_REASON}. */
    public record PauseRequest(String reason) {
        public PauseRequest {
            if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON_LENGTH
                    || reason.chars().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("reason must be 1-" + MAX_REASON_LENGTH + " characters on one "
                        + "line, or left out for '" + DEFAULT_REASON + "'");
            }
            if (reason != null && reason.chars().filter(Character::isDigit).count() > MAX_REASON_DIGITS) {
                throw new IllegalArgumentException("reason may hold at most " + MAX_REASON_DIGITS + " digits: it "
                        + "is kept in the append-only audit log, which must never hold card data; say e.g. "
                        + "'card payment'");
            }
        }
    }

    /** The list answer. */
    public record LiveCallList(List<LiveCallView> items) {
    }

    private final CallControl calls;
    private final UserStore users;
    private final AuditTrail audit;
    private final int maxBodyBytes;

    public CallRoutes(CallControl calls, UserStore users, AuditTrail audit, int maxBodyBytes) {
        this.calls = calls;
        this.users = users;
        this.audit = audit;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/calls/live", SIGNED_IN, this::list),
                Route.post("/api/v1/calls/{callId}/pause", SIGNED_IN, this::pause),
                Route.post("/api/v1/calls/{callId}/resume", SIGNED_IN, this::resume));
    }

    private void list(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.CALL_CONTROL, "call.list", "");
        RecordingScope scope = RecordingScope.of(caller.actor(), users);
        List<LiveCallView> items = calls.live().stream().filter(c -> covers(scope, c)).toList();
        audit.record(caller.actor(), "call.list", "", "ok", items.size() + " live calls");
        Json.write(ctx, 200, new LiveCallList(items));
    }

    private void pause(Context ctx, Principal caller) throws Exception {
        String ref = ctx.pathParam("callId");
        Actor actor = caller.actor();
        audit.require(actor, Permission.CALL_CONTROL, "call.pause", shown(ref));
        String reason = Json.readOptional(ctx, PauseRequest.class, maxBodyBytes).map(PauseRequest::reason)
                .orElse(DEFAULT_REASON);
        LiveCallView call = findInScope(actor, "call.pause", ref);
        String details = "reason " + reason + ", trigger " + TRIGGER;
        Result r = act(actor, "call.pause", call, () -> calls.pause(call.label(), TRIGGER, reason, actor.name()));
        finish(ctx, actor, "call.pause", ref, call, r, details);
    }

    private void resume(Context ctx, Principal caller) throws Exception {
        String ref = ctx.pathParam("callId");
        Actor actor = caller.actor();
        audit.require(actor, Permission.CALL_CONTROL, "call.resume", shown(ref));
        LiveCallView call = findInScope(actor, "call.resume", ref);
        Result r = act(actor, "call.resume", call, () -> calls.resume(call.label(), actor.name()));
        finish(ctx, actor, "call.resume", ref, call, r, "trigger " + TRIGGER);
    }

    /** The live call {@code ref} names if it is in the actor's scope; else 404, audited as failed. */
    private LiveCallView findInScope(Actor actor, String action, String ref) throws ApiException, CatalogException {
        Optional<LiveCallView> found = calls.find(ref);
        if (found.isEmpty()) {
            audit.record(actor, action, shown(ref), "failed", "no live call");
            throw notFound(ref);
        }
        if (!covers(RecordingScope.of(actor, users), found.get())) {
            audit.record(actor, action, shown(ref), "failed", "live call outside the caller's scope");
            throw notFound(ref);
        }
        return found.get();
    }

    /** Runs the change; an exception from the call control is audited as failed and rethrown. */
    private Result act(Actor actor, String action, LiveCallView call, Supplier<Result> change)
            throws CatalogException {
        try {
            return change.get();
        } catch (RuntimeException e) {
            audit.record(actor, action, call.label(), "failed", String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private void finish(Context ctx, Actor actor, String action, String ref, LiveCallView call, Result r,
                        String details) throws ApiException, CatalogException, IOException {
        String label = call.label();
        ApiException refusal = switch (r.outcome()) {
            case DONE -> null;
            case NOT_LIVE -> notFound(ref);
            case NOT_RECORDING -> ApiException.conflict(ErrorCodes.NOT_RECORDING, "call " + label + " is not "
                    + "recorded, so there is nothing to pause or resume");
            case ALREADY_PAUSED -> ApiException.conflict(ErrorCodes.ALREADY_PAUSED, "the recording of call " + label
                    + " is paused already; resume it with POST /api/v1/calls/" + label + "/resume");
            case NOT_PAUSED -> ApiException.conflict(ErrorCodes.NOT_PAUSED, "the recording of call " + label
                    + " is not paused; nothing was changed");
        };
        if (refusal != null) {
            audit.record(actor, action, label, "failed", r.outcome().name().toLowerCase(Locale.ROOT)
                    + "; " + details);
            throw refusal;
        }
        audit.record(actor, action, label, "ok", details);
        Json.write(ctx, 200, r.call());
    }

    private static boolean covers(RecordingScope scope, LiveCallView c) {
        return scope.covers(c.agent(), c.caller(), c.callee());
    }

    /** The same answer for a call that is not live and one the caller may not see. */
    private static ApiException notFound(String ref) {
        return ApiException.notFound("no live call " + shown(ref) + "; GET /api/v1/calls/live lists the calls you "
                + "can pause, by label and SIP Call-ID");
    }

    /** The reference as messages and the audit show it: at most 100 characters, control characters replaced. */
    private static String shown(String ref) {
        String cut = ref.length() > 100 ? ref.substring(0, 100) + "…" : ref;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
