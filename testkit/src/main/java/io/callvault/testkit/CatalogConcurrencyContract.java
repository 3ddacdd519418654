package io.callvault.testkit;

import static io.callvault.testkit.CatalogFixtures.T0;
import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.SegmentKind;
import io.callvault.vault.spi.Tombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * "Every method is atomic and thread-safe", mixed into {@link CatalogContract}: several threads race on
 * one catalog, released together by a latch, and the outcome must be one a serial order could give.
 */
public interface CatalogConcurrencyContract {

    int THREADS = 4;

    /** The fresh catalog of the running test. */
    Catalog catalog();

    /** What one racing task did: its value, or what it threw. */
    record Outcome<T>(T value, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs {@code THREADS} tasks at once and returns their outcomes in task order. */
    private <T> List<Outcome<T>> race(IntFunction<Callable<T>> task) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a racing catalog call did not finish within 60 s (deadlock?)", e);
                }
            }
            return outcomes;
        }
    }

    @Test
    default void concurrentCreates_fromSeveralThreads_allLand() throws Exception {
        int perThread = 25;
        List<Outcome<Void>> outcomes = race(thread -> () -> {
            for (int i = 0; i < perThread; i++) {
                RecordingId id = id(thread * 1000 + i);
                catalog().create(fullRow(id), key("kek-1", thread * 1000 + i));
                assertThat(catalog().find(id)).isPresent();
            }
            return null;
        });
        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(catalog().search(RecordingQuery.all())).hasSize(THREADS * perThread);
        assertThat(catalog().wrappedWith("kek-1")).hasSize(THREADS * perThread);
    }

    @Test
    default void concurrentCreates_ofOneId_exactlyOneSucceeds() throws Exception {
        List<Outcome<Integer>> outcomes = race(thread -> () -> {
            catalog().create(fullRow(id(1)), key("kek-" + thread, 1));
            return thread;
        });
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(CatalogException.class));
        int winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
        assertThat(catalog().dataKey(id(1))).isEqualTo(key("kek-" + winner, 1));
    }

    @Test
    default void concurrentShreds_ofOneRecording_returnOneTombstone() throws Exception {
        catalog().create(fullRow(id(1)), key("kek-1", 1));
        List<Outcome<Tombstone>> outcomes = race(thread ->
                () -> catalog().shred(id(1), "reason " + thread, "actor " + thread, T0.plusSeconds(thread)));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        Tombstone stored = catalog().tombstone(id(1)).orElseThrow();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(stored));
    }

    @Test
    default void concurrentRewraps_fromOneExpectedKey_exactlyOneWins() throws Exception {
        catalog().create(fullRow(id(1)), key("kek-old", 1));
        List<Outcome<Boolean>> outcomes = race(thread ->
                () -> catalog().rewrap(id(1), key("kek-old", 1), key("kek-new", 100 + thread)));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(Outcome::value).hasSize(1);
        int winner = outcomes.indexOf(outcomes.stream().filter(Outcome::value).findFirst().orElseThrow());
        assertThat(catalog().dataKey(id(1))).isEqualTo(key("kek-new", 100 + winner));
    }

    @Test
    default void writesRacingShred_eitherLandBeforeItOrFindNoRecording() throws Exception {
        catalog().create(fullRow(id(1)), key("kek-1", 1));
        List<Outcome<Void>> outcomes = race(thread -> () -> {
            if (thread == 0) {
                catalog().shred(id(1), "erasure request", "dpo@example.com", T0);
                return null;
            }
            for (int i = 0; i < 20; i++) {
                catalog().putTags(id(1), Map.of("note-" + thread, "n" + i));
                catalog().addSegment(id(1), new Segment(i, i + 1, SegmentKind.GAP, ""));
            }
            return null;
        });
        assertThat(outcomes).allSatisfy(o -> {
            if (!o.succeeded()) {
                assertThat(o.failure()).isInstanceOf(RecordingNotFoundException.class);
            }
        });
        assertThat(catalog().find(id(1))).isEmpty();
        assertThat(catalog().search(RecordingQuery.all())).isEmpty();
        assertThat(catalog().wrappedWith("kek-1")).isEmpty();
    }
}
