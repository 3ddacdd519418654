package io.callvault.vault.retention;

import static io.callvault.vault.GovernanceException.Kind.CONFLICT;

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
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.hold.LegalHold;
import io.callvault.vault.spi.retention.RetentionAssignment;
import io.callvault.vault.spi.retention.RetentionPolicy;
import io.callvault.vault.spi.retention.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Retention: which policy governs each recording, and the run that crypto-shreds recordings whose
 * retention has expired, never one under legal hold.
 *
 * <p>Choosing a policy ({@link #choose}): a tag {@code retention=<name>} naming an existing policy selects
 * it; otherwise the matching policy (every tag of its {@code match} present with that value; an empty
 * match matches everything) with the highest priority, then the smallest name. A recording no policy
 * matches gets no assignment and is kept. The retention period runs from the recording's start.
 *
 * <p>Policy changes re-evaluate every recording's assignment. A change that would leave a recording that
 * has an assignment without any policy is refused (CONFLICT "policy_in_use"): add the replacement policy
 * first. So the last catch-all policy cannot be removed while recordings rely on it.
 *
 * <p>Audit actions: "retention.policies", "retention.policy_put", "retention.policy_delete",
 * "retention.run", "retention.dry_run", and "recording.dispose" per recording a run deleted or failed to.
 * Thread-safe; runs of one instance are serialised.
 */
public final class Retention {
    /** The tag that picks a policy by name. */
    public static final String TAG = "retention";
    private static final int BATCH = 500;

    private final RetentionStore store;
    private final Catalog catalog;
    private final Vault vault;
    private final LegalHolds holds;
    private final AuditTrail audit;
    private final InstantSource clock;

    public Retention(RetentionStore store, Catalog catalog, Vault vault, LegalHolds holds, AuditTrail audit,
                     InstantSource clock) {
        this.store = store;
        this.catalog = catalog;
        this.vault = vault;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    /** "default": every recording, priority 0, {@code days} days, not overriding erasure. */
    public static RetentionPolicy defaultPolicy(int days) {
        return new RetentionPolicy("default", days, Map.of(), 0, false,
                "Every recording no more specific policy applies to");
    }

    /** Every policy, by name (RETENTION_READ). */
    public List<RetentionPolicy> policies(Actor actor) throws AccessDeniedException, GovernanceException {
        return audit.governed(actor, Permission.RETENTION_READ, "retention.policies", "", store::policies,
                l -> l.size() + " policies");
    }

    /** Adds or replaces a policy and re-evaluates every recording (RETENTION_MANAGE). */
    public void putPolicy(Actor actor, RetentionPolicy policy) throws AccessDeniedException, GovernanceException {
        if (policy == null) {
            throw new IllegalArgumentException("policy");
        }
        audit.governed(actor, Permission.RETENTION_MANAGE, "retention.policy_put", policy.name(), () -> {
            List<RetentionPolicy> after = new ArrayList<>(store.policies().stream()
                    .filter(p -> !p.name().equals(policy.name())).toList());
            after.add(policy);
            refuseOrphans(after, "changing policy " + policy.name());
            store.putPolicy(policy);
            return reassignAll(after);
        }, n -> policy.retainDays() + " days, priority " + policy.priority() + ", match " + policy.match()
                + (policy.overridesErasure() ? ", overrides erasure" : "") + "; " + n + " recordings re-evaluated");
    }

    /** Removes a policy and re-evaluates every recording (RETENTION_MANAGE); false if there was none. */
    public boolean deletePolicy(Actor actor, String name) throws AccessDeniedException, GovernanceException {
        int[] reassigned = {0};
        return audit.governed(actor, Permission.RETENTION_MANAGE, "retention.policy_delete", name, () -> {
            List<RetentionPolicy> before = store.policies();
            List<RetentionPolicy> after = before.stream().filter(p -> !p.name().equals(name)).toList();
            if (after.size() == before.size()) {
                return false;
            }
            refuseOrphans(after, "removing policy " + name);
            store.deletePolicy(name);
            reassigned[0] = reassignAll(after);
            return true;
        }, deleted -> deleted ? reassigned[0] + " recordings re-evaluated" : "no such policy");
    }

    /** Chooses and stores the recording's assignment; empty (nothing stored) if no policy matches. */
    public Optional<RetentionAssignment> assign(RecordingRow row) throws CatalogException {
        Optional<RetentionAssignment> a = choose(row, store.policies());
        if (a.isPresent()) {
            store.assign(a.get());
        }
        return a;
    }

    /** The assignment the rules in the class comment give {@code row} under {@code policies}; pure. */
    public static Optional<RetentionAssignment> choose(RecordingRow row, List<RetentionPolicy> policies) {
        String named = row.tags().get(TAG);
        Optional<RetentionPolicy> chosen = policies.stream().filter(p -> p.name().equals(named)).findFirst()
                .or(() -> policies.stream()
                        .filter(p -> p.match().entrySet().stream()
                                .allMatch(m -> m.getValue().equals(row.tags().get(m.getKey()))))
                        .min(Comparator.comparingInt(RetentionPolicy::priority).reversed()
                                .thenComparing(RetentionPolicy::name)));
        return chosen.map(p -> new RetentionAssignment(row.id(), p.name(),
                row.startedAt().plus(Duration.ofDays(p.retainDays()))));
    }

    /**
     * Disposes of every recording whose retention has expired (RETENTION_MANAGE; a dry run needs only
     * RETENTION_READ). Each is first re-evaluated against the current policies; one still expired and
     * under an active hold is kept, any other is deleted through {@link Vault#delete} (which checks holds
     * again) by actor "retention". A dry run changes nothing, not even assignments, and lists the same
     * verdicts with "would_delete".
     */
    public RetentionRun run(Actor actor, boolean dryRun) throws AccessDeniedException, GovernanceException {
        Permission needed = dryRun ? Permission.RETENTION_READ : Permission.RETENTION_MANAGE;
        String action = dryRun ? "retention.dry_run" : "retention.run";
        synchronized (this) {
            return audit.governed(actor, needed, action, "", () -> disposeExpired(actor, dryRun),
                    RetentionRun::summary);
        }
    }

    private RetentionRun disposeExpired(Actor actor, boolean dryRun) throws CatalogException {
        Instant now = clock.instant();
        List<RetentionPolicy> policies = store.policies();
        List<LegalHold> active = holds.active();
        List<RetentionRun.Item> items = new ArrayList<>();
        Set<RecordingId> seen = new HashSet<>();
        int remaining = 0; // items seen that stay expired in the store: the next batch reaches past them
        while (true) {
            int limit = remaining + BATCH;
            List<RetentionAssignment> batch = store.expired(now, limit);
            boolean progressed = false;
            for (RetentionAssignment stored : batch) {
                if (!seen.add(stored.id())) {
                    continue;
                }
                progressed = true;
                RetentionRun.Item item = dispose(actor, stored, policies, active, now, dryRun);
                if (item != null) {
                    items.add(item);
                }
                // Over-counting only widens the next batch; under-counting could end the run early.
                boolean goneFromStore = item == null ? !dryRun : item.outcome().equals(RetentionRun.DELETED);
                remaining += goneFromStore ? 0 : 1;
            }
            if (batch.size() < limit || !progressed) {
                return new RetentionRun(now, dryRun, items);
            }
        }
    }

    /** One expired assignment; null if it turned out not to be expired (or the recording is gone). */
    private RetentionRun.Item dispose(Actor actor, RetentionAssignment stored, List<RetentionPolicy> policies,
                                      List<LegalHold> active, Instant now, boolean dryRun) throws CatalogException {
        Optional<RecordingRow> found = catalog.find(stored.id());
        if (found.isEmpty()) {
            return null;
        }
        RecordingRow row = found.get();
        Optional<RetentionAssignment> current = choose(row, policies);
        if (current.isEmpty()) {
            return new RetentionRun.Item(row.id(), stored.policy(), stored.retainUntil(), RetentionRun.KEPT,
                    "no retention policy applies to it any more");
        }
        RetentionAssignment a = current.get();
        if (!a.equals(stored) && !dryRun && !reassign(a)) {
            return null;
        }
        if (a.retainUntil().isAfter(now)) {
            return null;
        }
        List<LegalHold> holding = LegalHolds.covering(active, row);
        if (!holding.isEmpty()) {
            return item(a, RetentionRun.KEPT_HELD, "under " + LegalHolds.describe(holding));
        }
        String why = "retention: policy " + a.policy() + " expired at " + a.retainUntil();
        if (dryRun) {
            return item(a, RetentionRun.WOULD_DELETE, why);
        }
        try {
            vault.delete(row.id(), why, "retention");
        } catch (RecordingHeldException e) {
            return item(a, RetentionRun.KEPT_HELD, e.getMessage());
        } catch (VaultException e) {
            audit.record(actor, "recording.dispose", row.id().toString(), "failed", e.getMessage());
            return item(a, RetentionRun.FAILED, e.getMessage());
        }
        audit.record(actor, "recording.dispose", row.id().toString(), "ok", why);
        return item(a, RetentionRun.DELETED, why);
    }

    private static RetentionRun.Item item(RetentionAssignment a, String outcome, String reason) {
        return new RetentionRun.Item(a.id(), a.policy(), a.retainUntil(), outcome, reason);
    }

    /** Refuses a policy set under which a recording that has an assignment would have none. */
    private void refuseOrphans(List<RetentionPolicy> after, String change) throws CatalogException,
            GovernanceException {
        long orphans = 0;
        RecordingId example = null;
        for (int offset = 0; ; offset += RecordingQuery.MAX_LIMIT) {
            List<RecordingRow> page = catalog.search(RecordingQuery.all().withPage(offset, RecordingQuery.MAX_LIMIT));
            for (RecordingRow row : page) {
                if (choose(row, after).isEmpty() && store.assignment(row.id()).isPresent()) {
                    orphans++;
                    example = example == null ? row.id() : example;
                }
            }
            if (page.size() < RecordingQuery.MAX_LIMIT) {
                break;
            }
        }
        if (orphans > 0) {
            throw new GovernanceException(CONFLICT, "policy_in_use", change + " would leave " + orphans
                    + " recordings (e.g. " + example + ") without a retention policy; add a policy that covers "
                    + "them (e.g. a default with an empty match) first");
        }
    }

    /** Stores an assignment; false if its recording was deleted meanwhile. */
    private boolean reassign(RetentionAssignment a) throws CatalogException {
        try {
            store.assign(a);
            return true;
        } catch (RecordingNotFoundException gone) {
            return false;
        }
    }

    /** Re-chooses and stores every recording's assignment; returns how many recordings were looked at. */
    private int reassignAll(List<RetentionPolicy> policies) throws CatalogException {
        int n = 0;
        for (int offset = 0; ; offset += RecordingQuery.MAX_LIMIT) {
            List<RecordingRow> page = catalog.search(RecordingQuery.all().withPage(offset, RecordingQuery.MAX_LIMIT));
            for (RecordingRow row : page) {
                Optional<RetentionAssignment> a = choose(row, policies);
                if (a.isPresent()) {
                    reassign(a.get());
                }
                n++;
            }
            if (page.size() < RecordingQuery.MAX_LIMIT) {
                return n;
            }
        }
    }
}
