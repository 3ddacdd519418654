package io.callvault.vault.audit;

import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditCheckpoint;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.CatalogException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the audit hash chain together with its signed checkpoints (docs/audit-chain.md, "Checkpoints").
 * Stateless apart from its collaborators; thread-safe.
 */
final class ChainVerifier {
    private final AuditSink sink;
    private final CheckpointSigner signer;

    ChainVerifier(AuditSink sink, CheckpointSigner signer) {
        this.sink = sink;
        this.signer = signer;
    }

    /**
     * Walks the whole chain once with {@link AuditChain#verify}, noting the hash of each entry a checkpoint
     * names, then checks the checkpoints in seq order. Reports whichever problem has the lowest seq; on a
     * tie the chain's own problem.
     */
    AuditVerification verify(List<AuditCheckpoint> checkpoints) throws CatalogException {
        Set<Long> signedSeqs = checkpoints.stream().map(AuditCheckpoint::seq).collect(Collectors.toSet());
        Map<Long, String> seen = new HashMap<>();
        AuditChain.Result chain = AuditPages.walk(sink, 1, e -> {
            if (signedSeqs.contains(e.seq())) {
                seen.putIfAbsent(e.seq(), e.hash());
            }
        }, AuditChain::verify);
        long chainProblemSeq = chain.ok() ? Long.MAX_VALUE : chain.badSeq();
        int count = checkpoints.size();
        for (AuditCheckpoint c : checkpoints.stream().sorted(Comparator.comparingLong(AuditCheckpoint::seq)).toList()) {
            if (c.seq() >= chainProblemSeq) {
                break;
            }
            AuditVerification problem = checkpointProblem(c, seen.get(c.seq()), chain, count);
            if (problem != null) {
                return problem;
            }
        }
        return chain.ok() ? AuditVerification.passed(chain.entries(), count)
                : AuditVerification.broken(chain.entries(), count, chain.badSeq(), chain.problem().text());
    }

    private AuditVerification checkpointProblem(AuditCheckpoint c, String entryHash, AuditChain.Result chain,
                                                int count) {
        String which = "the checkpoint of entry " + c.seq() + " (signed " + c.at() + ")";
        if (!signer.keyId().equals(c.keyId())) {
            return AuditVerification.broken(chain.entries(), count, c.seq(), which + " is signed by unknown key "
                    + c.keyId() + ", not by this server's key " + signer.keyId() + " (forged checkpoint, or the "
                    + "checkpoint key file was replaced)");
        }
        if (!signer.verifies(c)) {
            return AuditVerification.broken(chain.entries(), count, c.seq(), which
                    + " has an invalid signature (checkpoint altered)");
        }
        if (entryHash == null && chain.ok() && c.seq() > chain.entries()) {
            return AuditVerification.broken(chain.entries(), count, chain.entries() + 1, "the chain ends at entry "
                    + chain.entries() + " but " + which + " covers " + c.seq() + " entries (newest entries deleted)");
        }
        if (entryHash == null) {
            return AuditVerification.broken(chain.entries(), count, c.seq(), "entry " + c.seq() + ", covered by "
                    + which + ", is missing (entries deleted)");
        }
        if (!entryHash.equals(c.hash())) {
            return AuditVerification.broken(chain.entries(), count, c.seq(), "entry " + c.seq()
                    + " does not have the hash signed by " + which + " (chain rewritten up to here)");
        }
        return null;
    }

    /**
     * The last entry of the chain, after checking that the entries from {@code anchor} (the latest
     * checkpoint; null for the start of the chain) to the end still link up and match their hashes, and that
     * the anchor's entry still has the signed hash. Does not check the anchor's signature.
     *
     * @return null if the log is empty
     * @throws CatalogException naming the first broken entry, or if reading fails
     */
    AuditEntry checkedHead(AuditCheckpoint anchor) throws CatalogException {
        long from = anchor == null ? 1 : anchor.seq();
        String[] problem = new String[1];
        AuditEntry head = AuditPages.walk(sink, from, e -> { }, entries -> {
            AuditEntry prev = null;
            for (AuditEntry e : entries) {
                problem[0] = prev == null ? firstProblem(e, anchor, from) : linkProblem(prev, e);
                if (problem[0] == null && !e.hash().equals(AuditChain.expectedHash(e))) {
                    problem[0] = AuditChain.Problem.HASH_MISMATCH.text();
                }
                if (problem[0] != null) {
                    problem[0] = "audit chain broken at entry " + e.seq() + ": " + problem[0];
                    return null;
                }
                prev = e;
            }
            if (prev == null && anchor != null) {
                problem[0] = "the chain is shorter than its checkpoint of entry " + anchor.seq()
                        + " (newest entries deleted)";
            }
            return prev;
        });
        if (problem[0] != null) {
            throw new CatalogException(problem[0] + "; no checkpoint is signed over a broken chain: run "
                    + "'callvault audit verify' and investigate");
        }
        return head;
    }

    private static String firstProblem(AuditEntry e, AuditCheckpoint anchor, long from) {
        if (e.seq() != from) {
            return AuditChain.Problem.SEQ_GAP.text();
        }
        if (anchor == null) {
            return e.prevHash().equals(AuditChain.GENESIS) ? null : AuditChain.Problem.PREV_HASH_MISMATCH.text();
        }
        return e.hash().equals(anchor.hash()) ? null : "hash differs from the one signed at " + anchor.at()
                + " (chain rewritten)";
    }

    private static String linkProblem(AuditEntry prev, AuditEntry e) {
        if (e.seq() > prev.seq() + 1) {
            return AuditChain.Problem.SEQ_GAP.text();
        }
        if (e.seq() <= prev.seq() || e.at().isBefore(prev.at())) {
            return AuditChain.Problem.NOT_INCREASING.text();
        }
        return e.prevHash().equals(prev.hash()) ? null : AuditChain.Problem.PREV_HASH_MISMATCH.text();
    }
}
