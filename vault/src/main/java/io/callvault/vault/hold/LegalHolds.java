package io.callvault.vault.hold;

import static io.callvault.vault.GovernanceException.Kind.CONFLICT;
import static io.callvault.vault.GovernanceException.Kind.INVALID;
import static io.callvault.vault.GovernanceException.Kind.NOT_FOUND;

import io.callvault.core.RecordingId;
import io.callvault.vault.GovernanceException;
import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.access.Actor;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.hold.HoldStore;
import io.callvault.vault.spi.hold.LegalHold;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Legal holds: creating them, and releasing them with four eyes (one compliance user requests, a
 * different one approves). While a hold is active nothing it covers may be deleted: the vault asks
 * {@link #holding} on every deletion path (through the governance rules), retention and erasure ask too.
 *
 * <p>Audit actions: "hold.create", "hold.list", "hold.read", "hold.release_request",
 * "hold.release_approve"; the target is the hold id. Thread-safe: all state is in the {@link HoldStore},
 * whose compare-and-set release steps decide races.
 */
public final class LegalHolds {
    private final HoldStore store;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final InstantSource clock;

    public LegalHolds(HoldStore store, Catalog catalog, AuditTrail audit, InstantSource clock) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an active hold (HOLD_MANAGE). A hold by ids must name recordings that exist (INVALID
     * "unknown_recording" lists those that do not); a hold by search also covers recordings made later.
     */
    public LegalHold create(Actor actor, String name, String reason, String matter, HoldScope scope)
            throws AccessDeniedException, GovernanceException {
        String id = UUID.randomUUID().toString();
        return audit.governed(actor, Permission.HOLD_MANAGE, "hold.create", id, () -> {
            if (scope == null) {
                throw new GovernanceException(INVALID, "invalid", "a hold needs a scope: recording ids or a search");
            }
            Set<RecordingId> missing = new TreeSet<>();
            for (RecordingId rid : scope.recordingIds()) {
                if (catalog.find(rid).isEmpty()) {
                    missing.add(rid);
                }
            }
            if (!missing.isEmpty()) {
                throw new GovernanceException(INVALID, "unknown_recording", "no recording " + missing
                        + ": a hold by ids can only cover recordings that exist (deleted ones are gone)");
            }
            LegalHold hold = LegalHold.create(id, name, reason, matter, actor.name(), clock.instant(), scope);
            store.create(hold);
            return hold;
        }, h -> "'" + h.name() + "', " + (scope.bySearch() ? "by search" : scope.recordingIds().size() + " recordings"));
    }

    /** Every hold, active ones first, then newest first (HOLD_READ). */
    public List<LegalHold> list(Actor actor) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.HOLD_READ, "hold.list", "", store::list, l -> l.size() + " holds");
    }

    /** @throws GovernanceException NOT_FOUND "hold_not_found" */
    public LegalHold get(Actor actor, String id) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.HOLD_READ, "hold.read", id, () -> find(id), h -> "");
    }

    /**
     * First step of a release (HOLD_MANAGE): records who asks and why. Refused for a released hold
     * (CONFLICT "hold_released") or one with a pending request (CONFLICT "release_pending").
     */
    public LegalHold requestRelease(Actor actor, String id, String reason)
            throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.HOLD_MANAGE, "hold.release_request", id, () -> {
            if (reason == null || reason.isBlank()) {
                throw new GovernanceException(INVALID, "invalid", "a release request needs a reason");
            }
            if (!store.requestRelease(id, actor.name(), reason.strip(), clock.instant())) {
                LegalHold hold = find(id);
                throw hold.active()
                        ? new GovernanceException(CONFLICT, "release_pending", "hold " + id + " already has a release "
                                + "request by " + hold.releaseRequestedBy() + "; another compliance user approves it")
                        : released(hold);
            }
            return find(id);
        }, h -> "requested");
    }

    /**
     * Second step (HOLD_MANAGE): releases the hold, which then protects nothing. Refused with CONFLICT
     * "four_eyes" for the requester themself, "no_release_request" without a pending request,
     * "hold_released" if already released.
     */
    public LegalHold approveRelease(Actor actor, String id) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.HOLD_MANAGE, "hold.release_approve", id, () -> {
            LegalHold before = find(id);
            check(before, actor);
            if (!store.approveRelease(id, actor.name(), clock.instant())) {
                check(find(id), actor); // changed in between: explain the new state
                throw new GovernanceException(CONFLICT, "conflict", "hold " + id + " changed while it was being "
                        + "released; reload and retry");
            }
            return find(id);
        }, h -> "released; requested by " + h.releaseRequestedBy());
    }

    private static void check(LegalHold hold, Actor approver) throws GovernanceException {
        if (!hold.active()) {
            throw released(hold);
        }
        if (!hold.releaseRequested()) {
            throw new GovernanceException(CONFLICT, "no_release_request", "hold " + hold.id() + " has no release "
                    + "request; one compliance user requests the release, another approves it");
        }
        if (hold.releaseRequestedBy().equals(approver.name())) {
            throw new GovernanceException(CONFLICT, "four_eyes", approver.name() + " requested the release of hold "
                    + hold.id() + " and cannot also approve it; another compliance user must approve");
        }
    }

    private static GovernanceException released(LegalHold hold) {
        return new GovernanceException(CONFLICT, "hold_released", "hold " + hold.id() + " was released by "
                + hold.releasedBy() + " at " + hold.releasedAt());
    }

    private LegalHold find(String id) throws GovernanceException, CatalogException {
        return store.find(id).orElseThrow(() -> new GovernanceException(NOT_FOUND, "hold_not_found",
                "no legal hold " + id));
    }

    /** The active holds covering this recording, oldest first; empty if none. No permission check. */
    public List<LegalHold> holding(RecordingRow row) throws CatalogException {
        return covering(active(), row);
    }

    /** Every active hold, oldest first. No permission check. */
    public List<LegalHold> active() throws CatalogException {
        return store.list().stream().filter(LegalHold::active)
                .sorted(Comparator.comparing(LegalHold::createdAt).thenComparing(LegalHold::id)).toList();
    }

    /** Those of {@code holds} that are active and cover {@code row}, in the given order. */
    public static List<LegalHold> covering(List<LegalHold> holds, RecordingRow row) {
        return holds.stream().filter(h -> h.active() && h.scope().covers(row)).toList();
    }

    /** "legal hold 'Smith v Acme' (id …)", comma-separated: names the holds for reasons and errors. */
    public static String describe(List<LegalHold> holds) {
        return holds.stream().map(h -> "legal hold '" + h.name() + "' (id " + h.id() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Ids of every recording an active hold covers: listed ids (whether or not they still exist) and the
     * current results of every search-scoped hold, read through the catalog in pages. A recording created
     * while this runs may be missed; its deletion is still refused by {@link #holding}. No permission check.
     */
    public Set<RecordingId> heldIds() throws CatalogException {
        Set<RecordingId> ids = new TreeSet<>();
        for (LegalHold hold : active()) {
            HoldScope scope = hold.scope();
            if (!scope.bySearch()) {
                ids.addAll(scope.recordingIds());
                continue;
            }
            RecordingQuery query = RecordingQuery.all().withParty(scope.party()).withRange(scope.since(), scope.until());
            for (int offset = 0; ; offset += RecordingQuery.MAX_LIMIT) {
                List<RecordingRow> page = catalog.search(query.withPage(offset, RecordingQuery.MAX_LIMIT));
                page.stream().filter(scope::covers).forEach(r -> ids.add(r.id()));
                if (page.size() < RecordingQuery.MAX_LIMIT) {
                    break;
                }
            }
        }
        return ids;
    }
}
