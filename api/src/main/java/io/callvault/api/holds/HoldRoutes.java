package io.callvault.api.holds;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.spi.hold.HoldScope;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /api/v1/holds}: legal holds, through {@link LegalHolds}, which checks HOLD_READ / HOLD_MANAGE and
 * audits every call. Release takes two people: one posts a release request with a reason, another
 * approves it ({@code POST …/release}); the requester approving is 409 {@code four_eyes}.
 */
public final class HoldRoutes {
    /**
     * A new hold: either {@code recordingIds} or a search by {@code party} and/or time range ({@code since}
     * inclusive, {@code until} exclusive, ISO-8601), which also covers recordings made later.
     */
    public record CreateHold(String name, String reason, String matter, List<String> recordingIds, String party,
                             String since, String until) {
    }

    /** First step of a release. */
    public record ReleaseRequest(String reason) {
    }

    private final LegalHolds holds;
    private final AuditTrail audit;
    private final int maxBodyBytes;

    /** @param audit used only to refuse (and audit) a caller without HOLD_MANAGE before the body is read */
    public HoldRoutes(LegalHolds holds, AuditTrail audit, int maxBodyBytes) {
        this.holds = holds;
        this.audit = audit;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/holds", SIGNED_IN, this::list),
                Route.post("/api/v1/holds", SIGNED_IN, this::create),
                Route.get("/api/v1/holds/{id}", SIGNED_IN, this::get),
                Route.post("/api/v1/holds/{id}/release-request", SIGNED_IN, this::requestRelease),
                Route.post("/api/v1/holds/{id}/release", SIGNED_IN, this::approveRelease));
    }

    private void list(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, Map.of("items", holds.list(caller.actor()).stream().map(HoldView::of).toList()));
    }

    private void get(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, HoldView.of(holds.get(caller.actor(), ctx.pathParam("id"))));
    }

    private void create(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.HOLD_MANAGE, "hold.create", "");
        CreateHold req = Json.read(ctx, CreateHold.class, maxBodyBytes);
        Json.write(ctx, 201, HoldView.of(holds.create(caller.actor(), req.name(), req.reason(), req.matter(),
                scope(req))));
    }

    private void requestRelease(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.HOLD_MANAGE, "hold.release_request", ctx.pathParam("id"));
        ReleaseRequest req = Json.read(ctx, ReleaseRequest.class, maxBodyBytes);
        Json.write(ctx, 200, HoldView.of(holds.requestRelease(caller.actor(), ctx.pathParam("id"), req.reason())));
    }

    private void approveRelease(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, HoldView.of(holds.approveRelease(caller.actor(), ctx.pathParam("id"))));
    }

    private static HoldScope scope(CreateHold req) throws ApiException {
        Set<RecordingId> ids = new TreeSet<>();
        for (String id : req.recordingIds() == null ? List.<String>of() : req.recordingIds()) {
            try {
                ids.add(RecordingId.parse(id));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("recordingIds: '" + id + "' is not a recording id");
            }
        }
        PhoneNumber party = req.party() == null || req.party().isBlank() ? null : Params.number(req.party(), "party");
        Instant since = blank(req.since()) ? null : Params.instant(req.since(), "since");
        Instant until = blank(req.until()) ? null : Params.instant(req.until(), "until");
        return new HoldScope(ids, party, since, until);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
