package io.callvault.vault.spi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The audit hash chain: the canonical encoding every {@link AuditSink} hashes, and its verification.
 * Pure functions, thread-safe. The byte layout is documented in docs/audit-chain.md; changing it breaks
 * every stored chain.
 */
public final class AuditChain {
    /** The prevHash of entry 1: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    /** The outcomes an entry may record. */
    public static final Set<String> OUTCOMES = Set.of("ok", "denied", "failed");

    private AuditChain() {
    }

    /** Why an entry breaks the chain, in the order verify checks them. */
    public enum Problem {
        /** Its seq is not the previous seq + 1 but larger: entries were deleted. */
        SEQ_GAP("gap in seq (entries deleted)"),
        /** Its seq or time is not after the previous entry's: entries were reordered or inserted. */
        NOT_INCREASING("seq or time not increasing (entries reordered)"),
        /** Its prevHash is not the previous entry's hash: an entry before it was deleted, inserted or moved. */
        PREV_HASH_MISMATCH("prev-hash mismatch (entry deleted, inserted or reordered)"),
        /** Its hash does not match its fields: the entry was edited. */
        HASH_MISMATCH("hash mismatch (entry edited)");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The outcome of {@link #verify}: either OK over {@code entries} entries, or the first bad entry's seq
     * (as stored) and the problem.
     */
    public record Result(boolean ok, long entries, long badSeq, Problem problem) {
        static Result ok(long entries) {
            return new Result(true, entries, 0, null);
        }

        static Result broken(long entries, long seq, Problem problem) {
            return new Result(false, entries, seq, Objects.requireNonNull(problem));
        }

        /** "audit chain OK: N entries" or "audit chain broken at entry SEQ: REASON". */
        public String describe() {
            return ok ? "audit chain OK: " + entries + " entries"
                    : "audit chain broken at entry " + badSeq + ": " + problem.text();
        }
    }

    /**
     * SHA-256 of the canonical encoding, lower-case hex. The encoding is the concatenation of
     * seq (8 bytes, big-endian), at as epoch milliseconds (8 bytes, big-endian), then for each of
     * actor, source, action, target, outcome, details and prevHash: its UTF-8 length (4 bytes, big-endian)
     * followed by its UTF-8 bytes. Length prefixes make the encoding injective: no two field tuples share it.
     */
    public static String hash(long seq, Instant at, String actor, String source, String action, String target,
                              String outcome, String details, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ByteBuffer.allocate(16).putLong(seq).putLong(at.toEpochMilli()).array());
        for (String field : new String[] {actor, source, action, target, outcome, details, prevHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
    }

    /** The hash {@code e} should carry given its other fields. */
    public static String expectedHash(AuditEntry e) {
        return hash(e.seq(), e.at(), e.actor(), e.source(), e.action(), e.target(), e.outcome(), e.details(),
                e.prevHash());
    }

    /**
     * Checks a whole chain from entry 1, in the order given (a store's seq order). Reports the first
     * entry that breaks it: the first entry must have seq 1 and the genesis prevHash; each later one must
     * have seq = previous + 1 (larger is a gap, smaller or equal is a reordering), a time no earlier than
     * the previous, prevHash = previous hash, and a hash matching its own fields.
     */
    public static Result verify(Iterable<AuditEntry> entries) {
        long count = 0;
        AuditEntry prev = null;
        for (AuditEntry e : entries) {
            count++;
            long expectedSeq = prev == null ? 1 : prev.seq() + 1;
            if (e.seq() > expectedSeq) {
                return Result.broken(count, e.seq(), Problem.SEQ_GAP);
            }
            if (e.seq() < expectedSeq || (prev != null && e.at().isBefore(prev.at()))) {
                return Result.broken(count, e.seq(), Problem.NOT_INCREASING);
            }
            if (!e.prevHash().equals(prev == null ? GENESIS : prev.hash())) {
                return Result.broken(count, e.seq(), Problem.PREV_HASH_MISMATCH);
            }
            if (!e.hash().equals(expectedHash(e))) {
                return Result.broken(count, e.seq(), Problem.HASH_MISMATCH);
            }
            prev = e;
        }
        return Result.ok(count);
    }

    /** Checks the arguments of {@link AuditSink#append}; the implementations' shared precondition. */
    public static void checkAppend(String actor, String source, String action, String target, String outcome,
                                   String details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(details, "details");
        if (!OUTCOMES.contains(Objects.requireNonNull(outcome, "outcome"))) {
            throw new IllegalArgumentException("outcome must be one of ok, denied, failed, not '" + outcome + "'");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
