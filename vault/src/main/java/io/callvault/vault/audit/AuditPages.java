package io.callvault.vault.audit;

import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.CatalogException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The audit log from {@code fromSeq} to its end, read lazily in pages, so a chain of millions of entries is
 * walked in bounded memory. A read failure surfaces as {@link Failure}, which callers unwrap right after
 * the walk ({@link #walk}). Single use, not thread-safe.
 */
final class AuditPages implements Iterable<AuditEntry> {
    static final int PAGE = 1000;

    private final AuditSink sink;
    private final long fromSeq;
    private final Consumer<AuditEntry> tap;

    AuditPages(AuditSink sink, long fromSeq, Consumer<AuditEntry> tap) {
        this.sink = sink;
        this.fromSeq = fromSeq;
        this.tap = tap;
    }

    /** Runs {@code walk} over the entries and turns a read failure back into its CatalogException. */
    static <T> T walk(AuditSink sink, long fromSeq, Consumer<AuditEntry> tap,
                      java.util.function.Function<Iterable<AuditEntry>, T> walk) throws CatalogException {
        try {
            return walk.apply(new AuditPages(sink, fromSeq, tap));
        } catch (Failure f) {
            throw f.cause;
        }
    }

    @Override
    public Iterator<AuditEntry> iterator() {
        return new Iterator<>() {
            private final Deque<AuditEntry> page = new ArrayDeque<>();
            private long next = fromSeq;
            private boolean end;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !end) {
                    try {
                        page.addAll(sink.read(next, PAGE));
                    } catch (CatalogException e) {
                        throw new Failure(e);
                    }
                    end = page.size() < PAGE;
                    if (!page.isEmpty()) {
                        // max() keeps the walk moving even if a damaged store returns a lower seq.
                        next = Math.max(next, page.getLast().seq()) + 1;
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEntry e = page.removeFirst();
                tap.accept(e);
                return e;
            }
        };
    }

    /** A read failure inside iteration, carrying the checked exception out. */
    static final class Failure extends RuntimeException {
        private final CatalogException cause;

        Failure(CatalogException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
