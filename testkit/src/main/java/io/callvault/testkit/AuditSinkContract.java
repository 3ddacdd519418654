package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link AuditSink} contract; subclass once per implementation. */
public abstract class AuditSinkContract {
    protected AuditSink sink;

    protected abstract AuditSink newAuditSink() throws Exception;

    @BeforeEach
    void setUpSink() throws Exception {
        sink = newAuditSink();
    }

    /** Every entry of {@code sink}, read in pages, in seq order. */
    public static List<AuditEntry> readAll(AuditSink sink) throws Exception {
        List<AuditEntry> all = new ArrayList<>();
        List<AuditEntry> page;
        while (!(page = sink.read(all.isEmpty() ? 1 : all.getLast().seq() + 1, 100)).isEmpty()) {
            all.addAll(page);
        }
        return all;
    }

    @Test
    void emptyLog_hasSizeZero_andVerifies() throws Exception {
        assertThat(sink.size()).isZero();
        assertThat(sink.read(1, 10)).isEmpty();
        assertThat(AuditChain.verify(sink.read(1, 10)).describe()).isEqualTo("audit chain OK: 0 entries");
    }

    @Test
    void append_assignsSeqAndLinksHashes_andReadReturnsEntriesAsStored() throws Exception {
        AuditEntry first = sink.append("alice", "192.0.2.7", "recording.export", "3f2c9a1e", "ok", "to /tmp/x.wav");
        AuditEntry second = sink.append("bob", "cli", "recording.delete", "", "denied", "");
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.hash()).isEqualTo(AuditChain.expectedHash(first));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.at()).isAfterOrEqualTo(first.at());
        assertThat(sink.size()).isEqualTo(2);
        assertThat(sink.read(1, 10)).containsExactly(first, second);
        assertThat(sink.read(2, 10)).containsExactly(second);
        assertThat(sink.read(1, 1)).containsExactly(first);
        assertThat(sink.read(3, 10)).isEmpty();
    }

    @Test
    void manyAppends_verifyOk() throws Exception {
        for (int i = 0; i < 250; i++) {
            sink.append("u" + i, "cli", "setting.put", "key" + i, i % 3 == 0 ? "failed" : "ok", "ünïcode " + i);
        }
        List<AuditEntry> all = readAll(sink);
        assertThat(all).hasSize(250);
        assertThat(AuditChain.verify(all).describe()).isEqualTo("audit chain OK: 250 entries");
    }

    @Test
    void unknownOutcome_isRefused_andNothingAppended() throws Exception {
        assertThatThrownBy(() -> sink.append("a", "cli", "x.y", "", "maybe", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maybe");
        assertThat(sink.size()).isZero();
    }

    @Test
    void concurrentAppends_fromSeveralThreads_keepOneChain() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "worker" + t;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < each; i++) {
                        sink.append(actor, "cli", "recording.play", "r" + i, "ok", "");
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> all = readAll(sink);
        assertThat(sink.size()).isEqualTo((long) threads * each);
        assertThat(AuditChain.verify(all).describe()).isEqualTo("audit chain OK: " + threads * each + " entries");
    }
}
