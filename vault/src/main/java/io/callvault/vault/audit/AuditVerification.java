package io.callvault.vault.audit;

/**
 * The outcome of {@link AuditTrail#verify}: the hash chain and every signed checkpoint checked.
 *
 * @param entries     entries read (up to and including the first broken one)
 * @param checkpoints checkpoints stored
 * @param problem     what is wrong at {@code problemSeq}; null when {@code ok}
 * @param problemSeq  seq of the first entry or checkpoint found wrong (for a truncated chain: the first
 *                    missing entry); 0 when {@code ok}
 */
public record AuditVerification(boolean ok, long entries, int checkpoints, String problem, long problemSeq) {
    public AuditVerification {
        if (ok != (problem == null)) {
            throw new IllegalArgumentException("a verification is ok exactly when it names no problem");
        }
        if (ok && problemSeq != 0) {
            throw new IllegalArgumentException("an ok verification has no problem seq");
        }
    }

    static AuditVerification passed(long entries, int checkpoints) {
        return new AuditVerification(true, entries, checkpoints, null, 0);
    }

    static AuditVerification broken(long entries, int checkpoints, long seq, String problem) {
        return new AuditVerification(false, entries, checkpoints, problem, seq);
    }

    /** "audit chain OK: N entries, C checkpoints" or "audit chain broken at entry SEQ: PROBLEM". */
    public String describe() {
        return ok ? "audit chain OK: " + entries + " entries, " + checkpoints + " checkpoints"
                : "audit chain broken at entry " + problemSeq + ": " + problem;
    }
}
