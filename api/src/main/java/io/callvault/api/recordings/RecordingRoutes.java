package io.callvault.api.recordings;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.errors.ErrorCodes;
import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.api.policy.StoredDecisionView;
import io.callvault.vault.RecordingHeldException;
import io.callvault.vault.Tags;
import io.callvault.vault.Vault;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Tombstone;
import io.callvault.vault.spi.access.UserStore;
import io.callvault.vault.spi.decision.DecisionStore;
import io.callvault.vault.spi.retention.RetentionStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/recordings} and {@code /api/v1/recordings/{id}}: search, details, tags and deletion. Each
 * route asks one permission (RECORDING_SEARCH, _READ, _TAG, _DELETE) and then works only inside the caller's
 * recording scope: searches are narrowed to it, and a recording outside it is a 404 like a missing one.
 * Audited as recording.list (with the filter), recording.view, recording.tag and recording.delete (with
 * the reason); refusals are audited as "denied".
 */
public final class RecordingRoutes {
    /** {@code PATCH …/tags}: tags to set; an empty value removes the tag. */
    public record TagChange(Map<String, String> tags) {
    }

    /** {@code DELETE …/{id}} body: why the recording is deleted (kept in its tombstone). */
    public record Deletion(String reason) {
    }

    /** One page of search results; {@code hasMore} says whether the next offset has results. */
    public record Page(List<RecordingView> items, int offset, int limit, boolean hasMore) {
    }

    /** A deleted recording's tombstone. */
    public record Deleted(String id, Instant deletedAt, String deletedBy, String reason) {
        static Deleted of(Tombstone t) {
            return new Deleted(t.id().toString(), t.deletedAt(), t.deletedBy(), t.reason());
        }
    }

    private final Vault vault;
    private final ScopedRecordings scoped;
    private final AuditTrail audit;
    private final LegalHolds holds;
    private final RetentionStore retention;
    private final DecisionStore decisions;
    private final int maxBodyBytes;

    public RecordingRoutes(Vault vault, UserStore users, AuditTrail audit, LegalHolds holds, RetentionStore retention,
                           DecisionStore decisions, int maxBodyBytes) {
        this.vault = vault;
        this.scoped = new ScopedRecordings(vault.catalog(), users);
        this.audit = audit;
        this.holds = holds;
        this.retention = retention;
        this.decisions = decisions;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/recordings", SIGNED_IN, this::search),
                Route.get("/api/v1/recordings/{id}", SIGNED_IN, this::details),
                Route.patch("/api/v1/recordings/{id}/tags", SIGNED_IN, this::tag),
                Route.delete("/api/v1/recordings/{id}", SIGNED_IN, this::delete));
    }

    private void search(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.RECORDING_SEARCH, "recording.list", "");
        RecordingFilter filter = RecordingFilter.parse(ctx);
        RecordingQuery query = scoped.scope(caller).narrow(filter.toQuery());
        if (filter.held()) {
            query = query.withIds(holds.heldIds());
        }
        List<RecordingRow> rows = vault.catalog().search(query);
        boolean more = rows.size() > filter.limit();
        List<RecordingView> items = rows.stream().limit(filter.limit()).map(RecordingView::of).toList();
        audit.record(caller.actor(), "recording.list", "", "ok", filter.describe() + " -> " + items.size()
                + (more ? "+" : "") + " results");
        Json.write(ctx, 200, new Page(items, filter.offset(), filter.limit(), more));
    }

    private void details(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        audit.require(caller.actor(), Permission.RECORDING_READ, "recording.view", id);
        RecordingRow row = scoped.find(caller, id);
        RecordingDetails details = RecordingDetails.of(row, vault.catalog().segments(row.id()),
                retention.assignment(row.id()).orElse(null), holds.holding(row),
                decisions.byRecording(row.id()).map(StoredDecisionView::of).orElse(null));
        audit.record(caller.actor(), "recording.view", row.id().toString(), "ok", "");
        Json.write(ctx, 200, details);
    }

    private void tag(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        audit.require(caller.actor(), Permission.RECORDING_TAG, "recording.tag", id);
        TagChange req = Json.read(ctx, TagChange.class, maxBodyBytes);
        if (req.tags() == null || req.tags().isEmpty()) {
            throw ApiException.invalid("tags: give at least one key with a value (an empty value removes the tag)");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : req.tags().entrySet()) {
            String value = t.getValue() == null ? "" : t.getValue().strip();
            Tags.check(t.getKey(), value);
            tags.put(t.getKey(), value);
        }
        RecordingRow row = scoped.find(caller, id);
        RecordingRow tagged = vault.putTags(row.id(), tags);
        audit.record(caller.actor(), "recording.tag", row.id().toString(), "ok", "keys " + tags.keySet());
        Json.write(ctx, 200, RecordingView.of(tagged));
    }

    private void delete(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        audit.require(caller.actor(), Permission.RECORDING_DELETE, "recording.delete", id);
        Deletion req = Json.read(ctx, Deletion.class, maxBodyBytes);
        if (req.reason() == null || req.reason().isBlank()) {
            throw ApiException.invalid("reason: say why the recording is deleted (kept in its tombstone and the "
                    + "audit log)");
        }
        String reason = req.reason().strip();
        if (reason.length() > 500) {
            throw ApiException.invalid("reason: at most 500 characters");
        }
        RecordingRow row = scoped.find(caller, id);
        if (row.state() == RecordingState.RECORDING) {
            throw ApiException.conflict("recording_active", "recording " + id + " is still being written; delete it "
                    + "after the call ends");
        }
        Tombstone t;
        try {
            t = vault.delete(row.id(), reason, caller.username());
        } catch (RecordingHeldException e) {
            audit.record(caller.actor(), "recording.delete", row.id().toString(), "denied", e.getMessage());
            throw ApiException.conflict(ErrorCodes.HELD, e.getMessage() + "; a legal hold must be released first");
        }
        audit.record(caller.actor(), "recording.delete", row.id().toString(), "ok", "reason: " + reason);
        Json.write(ctx, 200, Deleted.of(t));
    }
}
