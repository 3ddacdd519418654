package io.callvault.api.audit;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.audit.AuditVerification;
import io.callvault.vault.spi.AuditEntry;
import io.javalin.http.Context;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code /api/v1/audit}: reading, verifying and exporting the tamper-evident audit log (AUDIT_READ), through
 * {@link AuditTrail}, which audits each read and verification itself — so a page never contains the entry
 * recording its own read. Entries are shown exactly as stored, hashes included, so a client can verify the
 * chain independently (docs/audit-chain.md).
 */
public final class AuditRoutes {
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 100;
    /** The export reads in the trail's largest pages, so it adds one "audit.read" entry per 10 000. */
    static final int EXPORT_PAGE = 10_000;

    /** A page of entries; {@code next} is the {@code from} of the following page. */
    public record Page(List<AuditEntry> items, long from, long next) {
    }

    private final AuditTrail audit;

    public AuditRoutes(AuditTrail audit) {
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/audit", SIGNED_IN, this::read),
                Route.get("/api/v1/audit/verify", SIGNED_IN, this::verify),
                Route.get("/api/v1/audit/export", SIGNED_IN, this::export));
    }

    private void read(Context ctx, Principal caller) throws Exception {
        long from = Params.longAtLeast(ctx, "from", 1, 1);
        int limit = Params.intIn(ctx, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
        List<AuditEntry> page = audit.read(caller.actor(), from, limit);
        Json.write(ctx, 200, new Page(page, from, page.isEmpty() ? from : page.getLast().seq() + 1));
    }

    private void verify(Context ctx, Principal caller) throws Exception {
        AuditVerification result = audit.verify(caller.actor());
        Json.write(ctx, 200, new VerificationView(result.ok(), result.entries(), result.checkpoints(),
                result.problem(), result.problemSeq(), result.describe()));
    }

    /** The verification result with its one-line description. */
    public record VerificationView(boolean ok, long entries, int checkpoints, String problem, long problemSeq,
                                   String description) {
    }

    /** Every entry from {@code from} (default 1) to the end as JSON lines, one entry per line, in seq order. */
    private void export(Context ctx, Principal caller) throws Exception {
        long from = Params.longAtLeast(ctx, "from", 1, 1);
        audit.require(caller.actor(), Permission.AUDIT_READ, "audit.export", "");
        List<AuditEntry> page = audit.read(caller.actor(), from, EXPORT_PAGE);
        ctx.status(200).contentType("application/x-ndjson");
        ctx.header("Content-Disposition", "attachment; filename=\"callvault-audit.jsonl\"");
        OutputStream out = ctx.outputStream();
        long count = 0;
        long next = from;
        while (!page.isEmpty()) {
            for (AuditEntry e : page) {
                out.write(Json.MAPPER.writeValueAsBytes(e));
                out.write('\n');
            }
            count += page.size();
            next = page.getLast().seq() + 1;
            if (page.size() < EXPORT_PAGE) {
                break;
            }
            page = audit.read(caller.actor(), next, EXPORT_PAGE);
        }
        out.flush();
        audit.record(caller.actor(), "audit.export", "", "ok", count + " entries from " + from);
    }
}
