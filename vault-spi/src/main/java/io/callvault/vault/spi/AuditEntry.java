package io.callvault.vault.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the tamper-evident audit log: who did what to which target, from where, and how it
 * ended, chained to the entry before it by {@code prevHash}. The byte encoding the hash covers is
 * {@link AuditChain#hash}, described in docs/audit-chain.md.
 *
 * @param seq      position in the chain, 1 for the first entry, no gaps
 * @param at       when it was appended, kept to the millisecond (so every store round-trips it exactly)
 * @param actor    the user or component that acted, e.g. "alice" or "retention"
 * @param source   where the request came from: a network address, or "cli"
 * @param action   what was done, dotted, e.g. "recording.export"
 * @param target   what it was done to, e.g. a recording id; empty when there is none
 * @param outcome  "ok", "denied" or "failed"
 * @param details  free text; empty when there is none
 * @param prevHash the previous entry's hash, lower-case hex; {@link AuditChain#GENESIS} for seq 1
 * @param hash     SHA-256 over this entry's encoding, lower-case hex
 */
public record AuditEntry(long seq, Instant at, String actor, String source, String action, String target,
                         String outcome, String details, String prevHash, String hash) {
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, not " + seq);
        }
        Objects.requireNonNull(at, "at");
        if (!at.truncatedTo(ChronoUnit.MILLIS).equals(at)) {
            throw new IllegalArgumentException("at is kept to the millisecond, not " + at);
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(details, "details");
        if (!HEX_256.matcher(Objects.requireNonNull(prevHash, "prevHash")).matches()) {
            throw new IllegalArgumentException("prevHash must be 64 lower-case hex digits");
        }
        if (!HEX_256.matcher(Objects.requireNonNull(hash, "hash")).matches()) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
        }
    }
}
