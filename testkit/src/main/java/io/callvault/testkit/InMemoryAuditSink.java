package io.callvault.testkit;

import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An {@link AuditSink} in memory, for unit tests of other classes; appends serialise on this object. */
public final class InMemoryAuditSink implements AuditSink {
    private final InstantSource clock;
    private final List<AuditEntry> entries = new ArrayList<>();

    public InMemoryAuditSink(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public InMemoryAuditSink() {
        this(InstantSource.system());
    }

    @Override
    public synchronized AuditEntry append(String actor, String source, String action, String target, String outcome,
                                          String details) {
        AuditChain.checkAppend(actor, source, action, target, outcome, details);
        AuditEntry last = entries.isEmpty() ? null : entries.getLast();
        long seq = last == null ? 1 : last.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (last != null && at.isBefore(last.at())) {
            at = last.at();
        }
        String prev = last == null ? AuditChain.GENESIS : last.hash();
        AuditEntry entry = new AuditEntry(seq, at, actor, source, action, target, outcome, details, prev,
                AuditChain.hash(seq, at, actor, source, action, target, outcome, details, prev));
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> read(long fromSeq, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, not " + limit);
        }
        return entries.stream().filter(e -> e.seq() >= fromSeq).limit(limit).toList();
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }
}
