package io.callvault.store.s3;

import io.callvault.testkit.S3ProxyProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.testkit.BlobStoreContract;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract and the S3-specific behaviour, against a real s3proxy on 127.0.0.1. */
class S3BlobStoreTest extends BlobStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path proxyDir;

    private static S3ProxyProcess proxy;

    @TempDir
    Path spoolDir;

    /** The config of {@link #store}, with a bucket of its own. */
    private S3Config config;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = S3ProxyProcess.start(proxyDir);
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Override
    protected BlobStore newStore() throws BlobStoreException {
        config = S3Config.of(proxy.endpoint(), "us-east-1", "cv-test-" + BUCKETS.incrementAndGet(),
                S3ProxyProcess.IDENTITY, S3ProxyProcess.CREDENTIAL, true, spoolDir).withCreateBucketIfMissing(true);
        return S3BlobStore.connect(config);
    }

    @Test
    void newStoreOnSameSpool_listsPendingBlobOfCrashedWriter() throws IOException {
        byte[] data = bytes(70_000, 1);
        BlobSink crashed = store.create("rec/crashed.bin");
        try {
            writeFully(crashed, ByteBuffer.wrap(data));
            crashed.sync();
            try (BlobStore restarted = S3BlobStore.connect(config)) {
                assertThat(restarted.pendingKeys()).containsExactly("rec/crashed.bin");
                try (SeekableByteChannel in = restarted.openPending("rec/crashed.bin")) {
                    assertThat(readRest(in)).isEqualTo(data);
                }
                assertThat(restarted.list("")).isEmpty();
            }
        } finally {
            crashed.abort();
        }
    }

    @Test
    void tenBytesAt5MiBOf6MiBBlob_areFetchedWithOneRangedGet() throws IOException {
        byte[] data = bytes(6 * MIB, 2);
        put("rec/ranged.bin", data);
        var log = new RequestLog();
        try (BlobStore observed = new S3BlobStore(config, S3BlobStore.newClient(config, List.of(log)));
             SeekableByteChannel in = observed.open("rec/ranged.bin")) {
            assertThat(in.size()).isEqualTo(6 * MIB);
            in.position(5 * MIB);
            assertThat(readUpTo(in, 10)).isEqualTo(Arrays.copyOfRange(data, 5 * MIB, 5 * MIB + 10));
            in.position(5 * MIB + 1000);
            assertThat(readUpTo(in, 10)).as("served from the read-ahead buffer")
                    .isEqualTo(Arrays.copyOfRange(data, 5 * MIB + 1000, 5 * MIB + 1010));
        }
        List<RequestLog.Sent> gets = log.sent().stream()
                .filter(s -> s.method().equals("GET") && s.path().endsWith("/rec/ranged.bin")).toList();
        int readAhead = S3Tuning.DEFAULTS.readAheadBytes();
        assertThat(gets).singleElement().satisfies(get -> assertThat(get.range())
                .contains("bytes=" + 5 * MIB + "-" + (5 * MIB + readAhead - 1)));
    }

    @Test
    void blobAboveMultipartThreshold_isUploadedInPartsAndRoundTrips() throws IOException {
        S3Config multipart = config.withTuning(S3Tuning.DEFAULTS.withMultipart(5L * MIB, 5 * MIB));
        byte[] data = bytes(11 * MIB + 3, 3);
        var log = new RequestLog();
        try (BlobStore observed = new S3BlobStore(multipart, S3BlobStore.newClient(multipart, List.of(log)))) {
            try (BlobSink sink = observed.create("rec/parts.bin")) {
                writeFully(sink, ByteBuffer.wrap(data));
                sink.commit();
            }
        }
        assertThat(log.sent()).filteredOn(s -> s.method().equals("PUT") && s.query().containsKey("partNumber"))
                .hasSize(3);
        assertThat(readAll("rec/parts.bin")).isEqualTo(data);
        assertThat(store.pendingKeys()).isEmpty();
    }

    @Test
    void listingLongerThanOnePage_followsContinuation() throws IOException {
        S3Config smallPages = config.withTuning(S3Tuning.DEFAULTS.withListPageSize(2));
        for (int i = 0; i < 5; i++) {
            put("rec/page-" + i, bytes(3, i));
        }
        var log = new RequestLog();
        try (BlobStore observed = new S3BlobStore(smallPages, S3BlobStore.newClient(smallPages, List.of(log)))) {
            assertThat(observed.list("rec/")).containsExactlyInAnyOrder(
                    "rec/page-0", "rec/page-1", "rec/page-2", "rec/page-3", "rec/page-4");
        }
        assertThat(log.sent()).filteredOn(s -> s.query().containsKey("list-type")).hasSize(3);
    }

    @Test
    void spoolFile_isOwnerOnlyAndGoneAfterCommit() throws IOException {
        BlobSink sink = store.create("rec/spooled.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(100, 4)));
        sink.sync();
        assertThat(spoolFiles()).singleElement().satisfies(file -> assertThat(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        sink.commit();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void blobReplacedWhileReading_failsInsteadOfMixingVersions() throws IOException {
        S3Config tinyReadAhead = config.withTuning(S3Tuning.DEFAULTS.withReadAheadBytes(4096));
        put("rec/moving.bin", bytes(10_000, 5));
        try (BlobStore reader = new S3BlobStore(tinyReadAhead, S3BlobStore.newClient(tinyReadAhead, List.of()));
             SeekableByteChannel in = reader.open("rec/moving.bin")) {
            assertThat(readUpTo(in, 10)).hasSize(10);
            put("rec/moving.bin", bytes(10_000, 6));
            in.position(8000);
            assertThatThrownBy(() -> in.read(ByteBuffer.allocate(10)))
                    .isInstanceOf(BlobStoreException.class)
                    .hasMessageContaining("replaced while being read");
        }
    }

    @Test
    void configToString_masksSecretKey() {
        assertThat(config.toString()).doesNotContain(S3ProxyProcess.CREDENTIAL).contains("secretKey=****");
    }

    @Test
    void missingBucketWithoutCreateFlag_failsNamingBucketAndFix() {
        S3Config missing = config.withBucket("cv-never-created").withCreateBucketIfMissing(false);
        assertThatThrownBy(() -> S3BlobStore.connect(missing))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("cv-never-created")
                .hasMessageContaining("createBucketIfMissing");
    }

    @Test
    void wrongSecretKey_failsWithAccessDeniedAdvice() {
        S3Config wrong = config.withSecretKey("not-the-secret");
        assertThatThrownBy(() -> S3BlobStore.connect(wrong))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("access denied")
                .hasMessageContaining(S3ProxyProcess.IDENTITY)
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void unreachableEndpoint_failsNamingEndpoint() {
        URI nobody = URI.create("http://127.0.0.1:" + S3ProxyProcess.freePort());
        S3Config unreachable = new S3Config(nobody, "us-east-1", config.bucket(), S3ProxyProcess.IDENTITY,
                S3ProxyProcess.CREDENTIAL, true, spoolDir, true, S3Tuning.DEFAULTS);
        assertThatThrownBy(() -> S3BlobStore.connect(unreachable))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining(nobody.toString())
                .hasMessageContaining("cannot reach");
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.walk(spoolDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
