package io.callvault.api.dsar;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.api.recordings.RecordingView;
import io.callvault.core.PhoneNumber;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.dsar.DataSubjectRequests;
import io.callvault.vault.dsar.Deadlines;
import io.callvault.vault.dsar.ErasureReport;
import io.callvault.vault.spi.dsar.DsarKind;
import io.callvault.vault.spi.dsar.DsarStatus;
import io.javalin.http.Context;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/dsars}: data-subject requests through {@link DataSubjectRequests}, which checks DSAR_READ /
 * DSAR_MANAGE and audits every call. The export streams a zip with the subject's decrypted recordings; it is
 * written straight to the client (no cleartext copy on disk), so a recording that fails its integrity check
 * part-way cuts the connection rather than ending in an error body.
 */
public final class DsarRoutes {
    /** A new request: kind access or erasure, the subject's numbers (at least one), optional name and email. */
    public record CreateDsar(String kind, List<String> numbers, String subjectName, String subjectEmail) {
    }

    /** Closing a request: status completed or rejected, and a note for the people handling it. */
    public record CloseDsar(String status, String note) {
    }

    /** Open requests that are overdue or due within 7 days, earliest due first. */
    public record DeadlinesView(Instant at, List<DsarView> overdue, List<DsarView> dueSoon) {
        static DeadlinesView of(Deadlines d) {
            return new DeadlinesView(d.at(), d.overdue().stream().map(DsarView::of).toList(),
                    d.dueSoon().stream().map(DsarView::of).toList());
        }
    }

    /** An erasure's outcome per recording: erased, kept (reason names the hold or obligation) or failed. */
    public record ErasureView(String requestId, boolean complete, String summary, List<ErasureItem> items) {
        static ErasureView of(ErasureReport r) {
            return new ErasureView(r.requestId(), r.complete(), r.summary(), r.items().stream()
                    .map(i -> new ErasureItem(i.id().toString(), i.outcome(), i.reason())).toList());
        }
    }

    public record ErasureItem(String id, String outcome, String reason) {
    }

    private final DataSubjectRequests dsars;
    private final AuditTrail audit;
    private final int maxBodyBytes;

    /** @param audit for the deadline view (which the service does not govern) and early refusals */
    public DsarRoutes(DataSubjectRequests dsars, AuditTrail audit, int maxBodyBytes) {
        this.dsars = dsars;
        this.audit = audit;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/dsars", SIGNED_IN, this::list),
                Route.post("/api/v1/dsars", SIGNED_IN, this::create),
                Route.get("/api/v1/dsars/deadlines", SIGNED_IN, this::deadlines),
                Route.get("/api/v1/dsars/{id}", SIGNED_IN, this::get),
                Route.get("/api/v1/dsars/{id}/recordings", SIGNED_IN, this::recordings),
                Route.post("/api/v1/dsars/{id}/export", SIGNED_IN, this::export),
                Route.post("/api/v1/dsars/{id}/erasure", SIGNED_IN, this::erase),
                Route.post("/api/v1/dsars/{id}/close", SIGNED_IN, this::close));
    }

    private void list(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, Map.of("items", dsars.list(caller.actor()).stream().map(DsarView::of).toList()));
    }

    private void create(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.DSAR_MANAGE, "dsar.create", "");
        CreateDsar req = Json.read(ctx, CreateDsar.class, maxBodyBytes);
        DsarKind kind = parse(DsarKind.class, req.kind(), "kind", "access or erasure");
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String n : req.numbers() == null ? List.<String>of() : req.numbers()) {
            numbers.add(Params.number(n == null ? "" : n, "numbers"));
        }
        if (numbers.isEmpty()) {
            throw ApiException.invalid("numbers: give at least one phone number of the data subject");
        }
        Json.write(ctx, 201, DsarView.of(dsars.create(caller.actor(), kind, numbers, req.subjectName(),
                req.subjectEmail())));
    }

    private void deadlines(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.DSAR_READ, "dsar.deadlines", "");
        Deadlines d = dsars.deadlines();
        audit.record(caller.actor(), "dsar.deadlines", "", "ok", d.overdue().size() + " overdue, " + d.dueSoon().size()
                + " due soon");
        Json.write(ctx, 200, DeadlinesView.of(d));
    }

    private void get(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, DsarView.of(dsars.get(caller.actor(), ctx.pathParam("id"))));
    }

    private void recordings(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, Map.of("items", dsars.recordings(caller.actor(), ctx.pathParam("id")).stream()
                .map(RecordingView::of).toList()));
    }

    private void export(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        audit.require(caller.actor(), Permission.DSAR_MANAGE, "dsar.export", id);
        ctx.status(200).contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"dsar-" + id.replaceAll("[^A-Za-z0-9-]", "")
                + ".zip\"");
        ctx.disableCompression();
        OutputStream out = ctx.outputStream();
        dsars.export(caller.actor(), id, out);
        out.flush();
    }

    private void erase(Context ctx, Principal caller) throws Exception {
        Json.write(ctx, 200, ErasureView.of(dsars.erase(caller.actor(), ctx.pathParam("id"))));
    }

    private void close(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        audit.require(caller.actor(), Permission.DSAR_MANAGE, "dsar.close", id);
        CloseDsar req = Json.read(ctx, CloseDsar.class, maxBodyBytes);
        DsarStatus status = parse(DsarStatus.class, req.status(), "status", "completed or rejected");
        Json.write(ctx, 200, DsarView.of(dsars.close(caller.actor(), id, status, req.note())));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String allowed)
            throws ApiException {
        try {
            return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + ": " + allowed + ", not '" + text + "'");
        }
    }
}
