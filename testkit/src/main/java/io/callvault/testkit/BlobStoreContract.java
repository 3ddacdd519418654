package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link BlobStore} contract, run against every implementation: subclass it and return a fresh,
 * empty store from {@link #newStore()}. A crash is simulated by leaving a sink neither committed nor
 * aborted while the store is asked about it.
 */
public abstract class BlobStoreContract {

    protected static final int MIB = 1024 * 1024;

    /** The store under test, created before and closed after each test. */
    protected BlobStore store;

    /** Returns a new store holding no committed and no pending blobs. */
    protected abstract BlobStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    @Test
    void smallBlob_roundTripsAfterCommit() throws IOException {
        byte[] data = bytes(1000, 1);
        put("calls/small.bin", data);
        assertThat(readAll("calls/small.bin")).isEqualTo(data);
    }

    @Test
    void emptyBlob_roundTripsWithSizeZero() throws IOException {
        put("calls/empty.bin", new byte[0]);
        try (SeekableByteChannel in = store.open("calls/empty.bin")) {
            assertThat(in.size()).isZero();
            assertThat(in.read(ByteBuffer.allocate(10))).isEqualTo(-1);
        }
    }

    @Test
    void multiMebibyteBlob_roundTripsAfterCommit() throws IOException {
        byte[] data = bytes(5 * MIB + 123, 2);
        try (BlobSink sink = store.create("calls/big.bin")) {
            // Odd chunk sizes and syncs in the middle, as a recording writer produces them.
            Random chunks = new Random(42);
            for (int offset = 0, writes = 0; offset < data.length; writes++) {
                int chunk = Math.min(1 + chunks.nextInt(300 * 1024), data.length - offset);
                writeFully(sink, ByteBuffer.wrap(data, offset, chunk));
                offset += chunk;
                if (writes % 5 == 0) {
                    sink.sync();
                }
            }
            assertThat(sink.size()).isEqualTo(data.length);
            sink.commit();
        }
        assertThat(readAll("calls/big.bin")).isEqualTo(data);
    }

    @Test
    void openedBlob_readsAtArbitraryPositions() throws IOException {
        byte[] data = bytes(3 * MIB + 17, 3);
        put("calls/seek.bin", data);
        try (SeekableByteChannel in = store.open("calls/seek.bin")) {
            assertThat(in.size()).isEqualTo(data.length);
            for (long offset : new long[] {2 * MIB + 5, 0, data.length - 1, MIB, 17, 3 * MIB}) {
                in.position(offset);
                assertThat(in.position()).isEqualTo(offset);
                byte[] expected = slice(data, (int) offset, 10);
                assertThat(readUpTo(in, 10)).as("10 bytes at %d", offset).isEqualTo(expected);
                assertThat(in.position()).isEqualTo(offset + expected.length);
            }
            in.position(data.length + 100L);
            assertThat(in.read(ByteBuffer.allocate(10))).isEqualTo(-1);
        }
    }

    @Test
    void sinkSize_countsBytesWritten() throws IOException {
        try (BlobSink sink = store.create("calls/size.bin")) {
            assertThat(sink.size()).isZero();
            writeFully(sink, ByteBuffer.wrap(bytes(1234, 4)));
            writeFully(sink, ByteBuffer.wrap(bytes(66, 5)));
            assertThat(sink.size()).isEqualTo(1300);
            sink.abort();
        }
    }

    @Test
    void uncommittedBlob_isNotVisible() throws IOException {
        BlobSink sink = store.create("calls/pending.bin");
        try {
            writeFully(sink, ByteBuffer.wrap(bytes(4096, 6)));
            sink.sync();
            sink.close();
            assertThatThrownBy(() -> store.open("calls/pending.bin")).isInstanceOf(BlobNotFoundException.class);
            assertThat(store.list("")).doesNotContain("calls/pending.bin");
        } finally {
            sink.abort();
        }
    }

    @Test
    void commitOverExistingKey_replacesWholeBlob() throws IOException {
        put("calls/replaced.bin", bytes(2 * MIB, 7));
        byte[] replacement = bytes(100, 8);
        put("calls/replaced.bin", replacement);
        assertThat(readAll("calls/replaced.bin")).isEqualTo(replacement);
        assertThat(store.list("calls/")).containsExactly("calls/replaced.bin");
    }

    /**
     * Readers racing a replacement see the whole old or the whole new blob, never a mix and never
     * nothing. A store may refuse a read that spans the replacement (S3 with If-Match), but only with
     * an error other than not-found.
     */
    @Test
    void replacementDuringReads_readersSeeWholeOldOrWholeNewBlob() throws Exception {
        byte[] first = bytes(100_000, 19);
        byte[] second = bytes(90_000, 20);
        put("calls/raced.bin", first);
        var writerDone = new AtomicBoolean();
        var readerStarted = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> reader = pool.submit(() -> {
                do {
                    try {
                        byte[] seen = readAll("calls/raced.bin");
                        assertThat(Arrays.equals(seen, first) || Arrays.equals(seen, second))
                                .as("read %d bytes that are neither version", seen.length).isTrue();
                    } catch (BlobNotFoundException e) {
                        throw new AssertionError("blob vanished while being replaced", e);
                    } catch (BlobStoreException refusedMidReplacement) {
                        // allowed: the read spanned a replacement and the store noticed
                    }
                    readerStarted.countDown();
                } while (!writerDone.get());
                return null;
            });
            readerStarted.await();
            for (int i = 0; i < 10; i++) {
                put("calls/raced.bin", i % 2 == 0 ? second : first);
            }
            writerDone.set(true);
            reader.get();
        }
    }

    @Test
    void abortedBlob_leavesNothingBehind() throws IOException {
        try (BlobSink sink = store.create("calls/aborted.bin")) {
            writeFully(sink, ByteBuffer.wrap(bytes(5000, 9)));
            sink.sync();
            sink.abort();
        }
        assertThatThrownBy(() -> store.open("calls/aborted.bin")).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.openPending("calls/aborted.bin"))
                .isInstanceOf(BlobNotFoundException.class);
        assertThat(store.pendingKeys()).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void abortTwice_succeeds() throws IOException {
        BlobSink sink = store.create("calls/twice.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(10, 10)));
        sink.abort();
        sink.abort();
        assertThat(store.pendingKeys()).isEmpty();
        assertThatThrownBy(() -> store.open("calls/twice.bin")).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void abortAfterCommit_keepsCommittedBlob() throws IOException {
        byte[] data = bytes(300, 11);
        BlobSink sink = store.create("calls/kept.bin");
        writeFully(sink, ByteBuffer.wrap(data));
        sink.commit();
        sink.abort();
        assertThat(readAll("calls/kept.bin")).isEqualTo(data);
    }

    @Test
    void closedSink_staysPendingUntilCommitted() throws IOException {
        byte[] data = bytes(2000, 12);
        BlobSink sink = store.create("calls/closed.bin");
        writeFully(sink, ByteBuffer.wrap(data));
        sink.close();
        sink.close();
        assertThat(sink.isOpen()).isFalse();
        assertThat(store.pendingKeys()).containsExactly("calls/closed.bin");
        sink.commit();
        assertThat(readAll("calls/closed.bin")).isEqualTo(data);
        assertThat(store.pendingKeys()).isEmpty();
    }

    @Test
    void writeAfterClose_failsWithBlobStoreException() throws IOException {
        BlobSink sink = store.create("calls/late.bin");
        sink.close();
        assertThatThrownBy(() -> sink.write(ByteBuffer.wrap(new byte[] {1})))
                .isInstanceOf(BlobStoreException.class);
        sink.abort();
    }

    @Test
    void syncedBlobOfCrashedWriter_isPendingAndReadable() throws IOException {
        byte[] data = bytes(MIB + 7, 13);
        BlobSink crashed = store.create("calls/crashed.bin");
        try {
            writeFully(crashed, ByteBuffer.wrap(data));
            crashed.sync();
            // The writer "dies" here: no close, no commit, no abort.
            assertThat(store.pendingKeys()).containsExactly("calls/crashed.bin");
            try (SeekableByteChannel in = store.openPending("calls/crashed.bin")) {
                assertThat(readRest(in)).isEqualTo(data);
            }
        } finally {
            crashed.abort();
        }
    }

    @Test
    void createOverPendingKey_replacesEarlierPendingBlob() throws IOException {
        BlobSink first = store.create("calls/again.bin");
        BlobSink second = null;
        try {
            writeFully(first, ByteBuffer.wrap(bytes(500, 14)));
            first.sync();
            second = store.create("calls/again.bin");
            byte[] data = bytes(40, 15);
            writeFully(second, ByteBuffer.wrap(data));
            second.sync();
            assertThat(store.pendingKeys()).containsExactly("calls/again.bin");
            try (SeekableByteChannel in = store.openPending("calls/again.bin")) {
                assertThat(readRest(in)).isEqualTo(data);
            }
        } finally {
            if (second != null) {
                second.abort();
            }
            first.abort();
        }
    }

    @Test
    void deleteOfMissingKey_succeeds() throws IOException {
        store.delete("calls/never-written.bin");
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void delete_removesCommittedBlobAndIsIdempotent() throws IOException {
        put("calls/gone.bin", bytes(100, 16));
        store.delete("calls/gone.bin");
        store.delete("calls/gone.bin");
        assertThatThrownBy(() -> store.open("calls/gone.bin")).isInstanceOf(BlobNotFoundException.class);
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void delete_removesPendingBlob() throws IOException {
        BlobSink sink = store.create("calls/erased.bin");
        try {
            writeFully(sink, ByteBuffer.wrap(bytes(800, 17)));
            sink.sync();
            store.delete("calls/erased.bin");
            assertThat(store.pendingKeys()).isEmpty();
            assertThatThrownBy(() -> store.openPending("calls/erased.bin"))
                    .isInstanceOf(BlobNotFoundException.class);
        } finally {
            sink.abort();
        }
    }

    /** Erasure must not be undone by a writer that was still running when its blob was deleted. */
    @Test
    void commitAfterDelete_failsAndPublishesNothing() throws IOException {
        BlobSink sink = store.create("calls/erased-late.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(800, 18)));
        sink.sync();
        store.delete("calls/erased-late.bin");
        assertThatThrownBy(sink::commit).isInstanceOf(BlobStoreException.class);
        sink.abort();
        assertThatThrownBy(() -> store.open("calls/erased-late.bin")).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void list_returnsExactlyCommittedKeysWithPrefix() throws IOException {
        for (String key : List.of("rec/2026/a.bin", "rec/2026/b.bin", "rec/2027/c.bin", "rec2/d.bin", "other/e")) {
            put(key, bytes(10, key.hashCode()));
        }
        BlobSink pending = store.create("rec/2026/pending.bin");
        try {
            pending.sync();
            assertThat(store.list("rec/2026/")).containsExactlyInAnyOrder("rec/2026/a.bin", "rec/2026/b.bin");
            assertThat(store.list("rec/")).containsExactlyInAnyOrder(
                    "rec/2026/a.bin", "rec/2026/b.bin", "rec/2027/c.bin");
            assertThat(store.list("rec")).containsExactlyInAnyOrder(
                    "rec/2026/a.bin", "rec/2026/b.bin", "rec/2027/c.bin", "rec2/d.bin");
            assertThat(store.list("rec/2026/a")).containsExactly("rec/2026/a.bin");
            assertThat(store.list("")).hasSize(5);
            assertThat(store.list("nothing/")).isEmpty();
        } finally {
            pending.abort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "A", "a//b", "", "/a", "a/", "a/../b", "a b", "a\\b"})
    void badKey_isRefusedBeforeReachingStorage(String key) {
        assertThatThrownBy(() -> store.create(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.openPending(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openOfMissingKey_throwsBlobNotFoundNamingTheKey() {
        assertThatThrownBy(() -> store.open("calls/missing.bin"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("calls/missing.bin");
        assertThatThrownBy(() -> store.openPending("calls/missing.bin"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("calls/missing.bin");
    }

    @Test
    void concurrentWritersToDifferentKeys_allCommitIntact() throws Exception {
        int threads = 4;
        int blobsPerThread = 6;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < blobsPerThread; i++) {
                        put("par/" + thread + "/" + i, bytes(64 * 1024 + i, thread * 100L + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(store.list("par/")).hasSize(threads * blobsPerThread);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < blobsPerThread; i++) {
                assertThat(readAll("par/" + t + "/" + i)).isEqualTo(bytes(64 * 1024 + i, t * 100L + i));
            }
        }
        assertThat(store.pendingKeys()).isEmpty();
    }

    // ---- helpers, also for subclasses' own tests ----

    /** Writes and commits {@code data} under {@code key}. */
    protected final void put(String key, byte[] data) throws IOException {
        try (BlobSink sink = store.create(key)) {
            writeFully(sink, ByteBuffer.wrap(data));
            sink.commit();
        }
    }

    /** Reads the whole committed blob under {@code key}. */
    protected final byte[] readAll(String key) throws IOException {
        try (SeekableByteChannel in = store.open(key)) {
            byte[] data = readRest(in);
            assertThat(data.length).as("bytes read vs size()").isEqualTo(in.size());
            return data;
        }
    }

    /** Reproducible pseudo-random content. */
    protected static byte[] bytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    protected static void writeFully(BlobSink sink, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            sink.write(src);
        }
    }

    protected static byte[] readRest(SeekableByteChannel in) throws IOException {
        var out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (in.read(buf) >= 0) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return out.toByteArray();
    }

    /** Reads until {@code n} bytes or the end; a channel may return fewer bytes per read. */
    protected static byte[] readUpTo(SeekableByteChannel in, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
                break;
            }
        }
        return slice(buf.array(), 0, buf.position());
    }

    private static byte[] slice(byte[] data, int from, int length) {
        return Arrays.copyOfRange(data, from, Math.min(from + length, data.length));
    }
}
