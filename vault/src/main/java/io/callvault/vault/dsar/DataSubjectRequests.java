package io.callvault.vault.dsar;

import static io.callvault.vault.GovernanceException.Kind.CONFLICT;
import static io.callvault.vault.GovernanceException.Kind.INVALID;
import static io.callvault.vault.GovernanceException.Kind.NOT_FOUND;

import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.GovernanceException;
import io.callvault.vault.RecordingHeldException;
import io.callvault.vault.Vault;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.access.Actor;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.decision.DecisionStore;
import io.callvault.vault.spi.dsar.DsarAction;
import io.callvault.vault.spi.dsar.DsarKind;
import io.callvault.vault.spi.dsar.DsarRequest;
import io.callvault.vault.spi.dsar.DsarStatus;
import io.callvault.vault.spi.dsar.DsarStore;
import io.callvault.vault.spi.hold.LegalHold;
import io.callvault.vault.spi.retention.RetentionAssignment;
import io.callvault.vault.spi.retention.RetentionPolicy;
import io.callvault.vault.spi.retention.RetentionStore;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Data-subject requests (GDPR Art. 15 access, Art. 17 erasure): registering them with their 30-day
 * deadline, finding the subject's recordings by phone number (caller or callee), exporting them, erasing
 * them except where a legal hold or a retention obligation keeps them, and closing the request.
 *
 * <p>Audit actions: "dsar.create", "dsar.list", "dsar.read", "dsar.recordings", "dsar.export",
 * "dsar.erase", "dsar.close" (target: the request id), and per recording "recording.export" and
 * "recording.erase" (target: the recording id). Audit details never carry the subject's numbers or name.
 * Thread-safe; the store decides concurrent changes of one request.
 */
public final class DataSubjectRequests {
    /** The legal deadline of a request, from its receipt. */
    public static final Duration DEADLINE = Duration.ofDays(30);
    /** How far ahead {@link #deadlines} warns. */
    public static final Duration DUE_SOON = Duration.ofDays(7);

    private final DsarStore store;
    private final Vault vault;
    private final LegalHolds holds;
    private final RetentionStore retention;
    private final DecisionStore decisions;
    private final AuditTrail audit;
    private final InstantSource clock;

    /** @param decisions the recording decisions, embedded in exports as stored */
    public DataSubjectRequests(DsarStore store, Vault vault, LegalHolds holds, RetentionStore retention,
                               DecisionStore decisions, AuditTrail audit, InstantSource clock) {
        this.store = store;
        this.vault = vault;
        this.holds = holds;
        this.retention = retention;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a request received now, OPEN, due in {@link #DEADLINE} (DSAR_MANAGE). Duplicate numbers
     * are dropped; at least one number is required (INVALID).
     *
     * @param name  the subject's name, optional (null or blank)
     * @param email the subject's email, optional
     */
    public DsarRequest create(Actor actor, DsarKind kind, List<PhoneNumber> numbers, String name, String email)
            throws AccessDeniedException, GovernanceException {
        String id = UUID.randomUUID().toString();
        return audit.governed(actor, Permission.DSAR_MANAGE, "dsar.create", id, () -> {
            if (kind == null) {
                throw new GovernanceException(INVALID, "invalid", "a data-subject request is ACCESS or ERASURE");
            }
            Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<PhoneNumber> distinct = numbers == null ? null : List.copyOf(new LinkedHashSet<>(numbers));
            DsarRequest request = new DsarRequest(id, kind, distinct, name, email, received, received.plus(DEADLINE),
                    DsarStatus.OPEN, actor.name(), List.of(new DsarAction(received, actor.name(), "create", kind.name())));
            store.create(request);
            return request;
        }, r -> r.kind() + ", " + r.numbers().size() + " numbers, due " + r.dueAt());
    }

    /** Every request, by due date then id (DSAR_READ). */
    public List<DsarRequest> list(Actor actor) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.DSAR_READ, "dsar.list", "", store::list, l -> l.size() + " requests");
    }

    /** @throws GovernanceException NOT_FOUND "dsar_not_found" */
    public DsarRequest get(Actor actor, String id) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.DSAR_READ, "dsar.read", id, () -> find(id), r -> "");
    }

    /** Every recording with a party among the request's numbers, oldest first (DSAR_READ). */
    public List<RecordingRow> recordings(Actor actor, String id) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.DSAR_READ, "dsar.recordings", id, () -> subjectRecordings(find(id)),
                l -> l.size() + " recordings");
    }

    /**
     * Writes the subject's export as a zip to {@code zip} (DSAR_MANAGE) and records the action "export";
     * the stream is finished but not closed. Recordings without audio (BLOB_MISSING, still recording)
     * come with metadata only. A recording that fails decryption or its digest stops the export (FAILED
     * "export_failed"): the caller must discard what was written.
     *
     * @throws IOException if writing to {@code zip} fails
     */
    public void export(Actor actor, String id, OutputStream zip)
            throws AccessDeniedException, GovernanceException, IOException {
        audit.governed(actor, Permission.DSAR_MANAGE, "dsar.export", id, () -> {
            DsarRequest request = find(id);
            List<RecordingRow> rows = subjectRecordings(request);
            Instant now = clock.instant();
            new DsarExport(vault, retention, decisions, holds, audit, actor, now).write(request, rows, zip);
            store.record(id, new DsarAction(now, actor.name(), "export", rows.size() + " recordings"),
                    request.status());
            return rows.size();
        }, n -> n + " recordings");
    }

    /**
     * Erases the subject's recordings (DSAR_MANAGE; ERASURE requests only, else INVALID "not_erasure";
     * OPEN ones only, else CONFLICT "request_closed"). A recording under an active legal hold is kept
     * ("legal hold '<name>' …"), so is one whose retention policy overrides erasure and has not expired
     * ("retention obligation <policy> until <date>"); every other one is crypto-shredded. Records the
     * action "erase"; the request becomes COMPLETED when nothing failed, else stays OPEN for a retry.
     */
    public ErasureReport erase(Actor actor, String id) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.DSAR_MANAGE, "dsar.erase", id, () -> {
            DsarRequest request = find(id);
            if (request.kind() != DsarKind.ERASURE) {
                throw new GovernanceException(INVALID, "not_erasure", "request " + id + " is an " + request.kind()
                        + " request; only an ERASURE request erases recordings");
            }
            requireOpen(request);
            Instant now = clock.instant();
            Map<String, RetentionPolicy> policies = retention.policies().stream()
                    .collect(Collectors.toMap(RetentionPolicy::name, Function.identity()));
            List<LegalHold> active = holds.active();
            List<ErasureReport.Item> items = new ArrayList<>();
            for (RecordingRow row : subjectRecordings(request)) {
                items.add(erase(actor, request, row, active, policies, now));
            }
            boolean complete = items.stream().noneMatch(i -> i.outcome().equals(ErasureReport.FAILED));
            ErasureReport report = new ErasureReport(id, items, complete);
            store.record(id, new DsarAction(now, actor.name(), "erase", report.summary()),
                    complete ? DsarStatus.COMPLETED : DsarStatus.OPEN);
            return report;
        }, ErasureReport::summary);
    }

    private ErasureReport.Item erase(Actor actor, DsarRequest request, RecordingRow row, List<LegalHold> active,
                                     Map<String, RetentionPolicy> policies, Instant now) throws CatalogException {
        List<LegalHold> holding = LegalHolds.covering(active, row);
        if (!holding.isEmpty()) {
            return new ErasureReport.Item(row.id(), ErasureReport.KEPT, LegalHolds.describe(holding));
        }
        Optional<RetentionAssignment> a = retention.assignment(row.id());
        RetentionPolicy policy = a.map(x -> policies.get(x.policy())).orElse(null);
        if (policy != null && policy.overridesErasure() && a.get().retainUntil().isAfter(now)) {
            return new ErasureReport.Item(row.id(), ErasureReport.KEPT, "retention obligation " + policy.name()
                    + " until " + a.get().retainUntil().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        String target = row.id().toString();
        try {
            vault.delete(row.id(), "erasure request " + request.id(), actor.name());
        } catch (RecordingHeldException e) {
            return new ErasureReport.Item(row.id(), ErasureReport.KEPT, e.getMessage());
        } catch (VaultException e) {
            audit.record(actor, "recording.erase", target, "failed", e.getMessage());
            return new ErasureReport.Item(row.id(), ErasureReport.FAILED, e.getMessage());
        }
        audit.record(actor, "recording.erase", target, "ok", "erasure request " + request.id());
        return new ErasureReport.Item(row.id(), ErasureReport.ERASED, "");
    }

    /**
     * Closes an OPEN request as COMPLETED or REJECTED (DSAR_MANAGE), recording the action "close" with the
     * note. CONFLICT "request_closed" if it is closed already; INVALID for status OPEN.
     *
     * @param note why, for the people handling it; optional; kept with the request, not in the audit log
     */
    public DsarRequest close(Actor actor, String id, DsarStatus status, String note)
            throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.DSAR_MANAGE, "dsar.close", id, () -> {
            if (status == null || status == DsarStatus.OPEN) {
                throw new GovernanceException(INVALID, "invalid", "a request is closed as COMPLETED or REJECTED");
            }
            requireOpen(find(id));
            if (!store.record(id, new DsarAction(clock.instant(), actor.name(), "close", note), status)) {
                throw notFound(id);
            }
            return find(id);
        }, r -> r.status().name());
    }

    /** The OPEN requests that are overdue or due within {@link #DUE_SOON}, for the scheduler's warnings. */
    public Deadlines deadlines() throws CatalogException {
        Instant now = clock.instant();
        Instant soon = now.plus(DUE_SOON);
        List<DsarRequest> open = store.list().stream().filter(r -> r.status() == DsarStatus.OPEN)
                .sorted(Comparator.comparing(DsarRequest::dueAt).thenComparing(DsarRequest::id)).toList();
        return new Deadlines(now, open.stream().filter(r -> r.dueAt().isBefore(now)).toList(),
                open.stream().filter(r -> !r.dueAt().isBefore(now) && !r.dueAt().isAfter(soon)).toList());
    }

    private List<RecordingRow> subjectRecordings(DsarRequest request) throws CatalogException {
        Map<RecordingId, RecordingRow> found = new TreeMap<>();
        for (PhoneNumber number : request.numbers()) {
            RecordingQuery query = RecordingQuery.all().withParty(number);
            for (int offset = 0; ; offset += RecordingQuery.MAX_LIMIT) {
                List<RecordingRow> page = vault.catalog().search(query.withPage(offset, RecordingQuery.MAX_LIMIT));
                page.forEach(r -> found.putIfAbsent(r.id(), r));
                if (page.size() < RecordingQuery.MAX_LIMIT) {
                    break;
                }
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparing(RecordingRow::startedAt).thenComparing(RecordingRow::id)).toList();
    }

    private static void requireOpen(DsarRequest request) throws GovernanceException {
        if (request.status() != DsarStatus.OPEN) {
            throw new GovernanceException(CONFLICT, "request_closed", "request " + request.id() + " is "
                    + request.status() + " already");
        }
    }

    private DsarRequest find(String id) throws GovernanceException, CatalogException {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static GovernanceException notFound(String id) {
        return new GovernanceException(NOT_FOUND, "dsar_not_found", "no data-subject request " + id);
    }
}
