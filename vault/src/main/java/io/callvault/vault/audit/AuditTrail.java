package io.callvault.vault.audit;

import io.callvault.vault.GovernanceException;
import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.access.Actor;
import io.callvault.vault.access.Permission;
import io.callvault.vault.spi.AuditCheckpoint;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.CheckpointStore;
import io.callvault.vault.spi.ConflictException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of governed operations: appends to the hash chain, signs checkpoints of its head and
 * verifies both (docs/audit-chain.md). Every governed service goes through {@link #governed}, which checks
 * the permission and audits the outcome ("ok", "denied" or "failed") under the actor's name and source.
 *
 * <p>Thread-safe; {@link #checkpoint} is serialised within this instance, and across processes the
 * checkpoint store refuses a second checkpoint for the same seq.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditSink sink;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final InstantSource clock;
    private final ChainVerifier verifier;

    public AuditTrail(AuditSink sink, CheckpointStore checkpoints, CheckpointSigner signer, InstantSource clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = new ChainVerifier(sink, signer);
    }

    /**
     * Appends one entry under the actor's name and source.
     *
     * @param target  what was acted on; null is stored as empty
     * @param outcome "ok", "denied" or "failed"
     * @param details free text without personal data (the log outlives erased recordings); null is empty
     */
    public AuditEntry record(Actor actor, String action, String target, String outcome, String details)
            throws CatalogException {
        return sink.append(actor.name(), actor.source(), action, target == null ? "" : target, outcome,
                details == null ? "" : details);
    }

    /**
     * Signs the current head of the chain and stores the checkpoint, after checking that the entries since
     * the previous checkpoint still chain onto it. If the head is checkpointed already, returns that
     * checkpoint and stores nothing. Does not append an audit entry (that would move the head).
     *
     * @return empty if the log has no entries
     * @throws CatalogException if reading or storing fails, or the chain since the last checkpoint is broken
     */
    public synchronized Optional<AuditCheckpoint> checkpoint() throws CatalogException {
        if (sink.size() == 0) {
            return Optional.empty();
        }
        List<AuditCheckpoint> existing = checkpoints.list();
        AuditCheckpoint last = existing.isEmpty() ? null : existing.getLast();
        AuditEntry head = verifier.checkedHead(last);
        if (last != null && last.seq() == head.seq()) {
            return Optional.of(last);
        }
        AuditCheckpoint signed = signer.sign(head.seq(), head.hash(), clock.instant());
        try {
            checkpoints.add(signed);
            LOG.debug("Audit checkpoint at entry {} signed with key {}", head.seq(), signer.keyId());
            return Optional.of(signed);
        } catch (ConflictException raced) {
            // Another process checkpointed the same head first; its checkpoint is as good as ours.
            return checkpoints.list().stream().filter(c -> c.seq() == head.seq()).findFirst()
                    .or(() -> Optional.of(signed));
        }
    }

    /** Every stored checkpoint, by seq. */
    public List<AuditCheckpoint> checkpoints() throws CatalogException {
        return checkpoints.list();
    }

    /**
     * Verifies the whole chain (read in pages) and every checkpoint: signed by this trail's key, its entry
     * still carries the signed hash, and the chain reaches at least its seq. Reports the first problem.
     */
    public AuditVerification verify() throws CatalogException {
        return verifier.verify(checkpoints.list());
    }

    /** {@link #verify()} for a person (AUDIT_READ), audited as "audit.verify" with the result as details. */
    public AuditVerification verify(Actor actor) throws AccessDeniedException, CatalogException {
        require(actor, Permission.AUDIT_READ, "audit.verify", "");
        AuditVerification result = verify();
        record(actor, "audit.verify", "", "ok", result.describe());
        return result;
    }

    /**
     * Up to {@code limit} (1..10000) entries from {@code fromSeq}, in seq order (AUDIT_READ); audited as
     * "audit.read" after the read, so the page returned does not contain its own entry.
     */
    public List<AuditEntry> read(Actor actor, long fromSeq, int limit) throws AccessDeniedException,
            CatalogException {
        require(actor, Permission.AUDIT_READ, "audit.read", "");
        List<AuditEntry> page = sink.read(fromSeq, limit);
        record(actor, "audit.read", "", "ok", "from " + fromSeq + ", " + page.size() + " entries");
        return page;
    }

    /** Every entry whose target is one of {@code targets}, in seq order; reads the whole log. No permission check. */
    public List<AuditEntry> entriesFor(Set<String> targets) throws CatalogException {
        List<AuditEntry> found = new ArrayList<>();
        AuditPages.walk(sink, 1, e -> { }, entries -> {
            for (AuditEntry e : entries) {
                if (targets.contains(e.target())) {
                    found.add(e);
                }
            }
            return found;
        });
        return found;
    }

    /**
     * Checks the permission; a denial is appended as outcome "denied" (details: the denial message) and
     * rethrown. If even that append fails, the denial is still thrown and the append failure logged.
     */
    public void require(Actor actor, Permission permission, String action, String target)
            throws AccessDeniedException {
        try {
            actor.require(permission);
        } catch (AccessDeniedException denied) {
            try {
                record(actor, action, target, "denied", denied.getMessage());
            } catch (CatalogException e) {
                LOG.error("Could not audit the denial of {} to {}: {}", action, actor.name(), e.getMessage());
                denied.addSuppressed(e);
            }
            throw denied;
        }
    }

    /** The body of a governed operation. */
    @FunctionalInterface
    public interface Operation<T, X extends Exception> {
        T run() throws GovernanceException, CatalogException, X;
    }

    /**
     * Runs a governed operation: {@link #require} the permission, run {@code body}, then append "ok" with
     * {@code details} of the result. A failure is appended as "failed" with its message and rethrown, a
     * CatalogException as {@link GovernanceException#fromCatalog}, an IllegalArgumentException (a value
     * record refusing its input) as INVALID "invalid".
     *
     * @param details turns the result into the audit details; must not return personal data
     * @throws GovernanceException FAILED "audit_failed" if the operation succeeded but could not be audited
     */
    public <T, X extends Exception> T governed(Actor actor, Permission permission, String action, String target,
                                               Operation<T, X> body, Function<? super T, String> details)
            throws AccessDeniedException, GovernanceException, X {
        require(actor, permission, action, target);
        T result;
        try {
            result = body.run();
        } catch (GovernanceException e) {
            throw failed(actor, action, target, e);
        } catch (CatalogException e) {
            throw failed(actor, action, target, GovernanceException.fromCatalog(e));
        } catch (IllegalArgumentException e) {
            throw failed(actor, action, target, new GovernanceException(GovernanceException.Kind.INVALID, "invalid",
                    e.getMessage(), e));
        } catch (Exception e) {
            recordFailure(actor, action, target, e);
            throw e;
        }
        try {
            record(actor, action, target, "ok", details.apply(result));
        } catch (CatalogException e) {
            throw new GovernanceException(GovernanceException.Kind.FAILED, "audit_failed", action + " on '" + target
                    + "' was done but could not be audited: " + e.getMessage(), e);
        }
        return result;
    }

    private GovernanceException failed(Actor actor, String action, String target, GovernanceException e) {
        recordFailure(actor, action, target, e);
        return e;
    }

    /** Appends "failed"; an append failure is logged and attached, so the original error still surfaces. */
    void recordFailure(Actor actor, String action, String target, Exception cause) {
        try {
            record(actor, action, target, "failed", String.valueOf(cause.getMessage()));
        } catch (CatalogException e) {
            LOG.error("Could not audit the failure of {} by {}: {}", action, actor.name(), e.getMessage());
            cause.addSuppressed(e);
        }
    }
}
