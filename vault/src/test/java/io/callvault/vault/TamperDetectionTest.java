package io.callvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.AudioFormat;
import io.callvault.vault.format.RecordingHeader;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.RecordingRow;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of changing a stored blob is caught before any audio of the changed part is returned. */
class TamperDetectionTest {
    private static final int SEGMENT = 16384;
    /** Blob offset of ciphertext segment k >= 1: our header, then Tink's header and first segment fill SEGMENT. */
    private static int segmentStart(int k) {
        return RecordingHeader.LENGTH + k * SEGMENT;
    }

    @TempDir
    Path dir;
    VaultFixture f;
    RecordingRow row;
    byte[] blob;

    @BeforeEach
    void record() throws Exception {
        f = new VaultFixture(dir);
        row = f.record(AudioFormat.STEREO_8K, VaultFixture.audio(AudioFormat.STEREO_8K, 4.0));
        blob = f.blobBytes(row.blobKey());
        assertThat(blob.length).isGreaterThan(segmentStart(5));
    }

    @Test
    void flippedBitInAudio_failsWithIntegrityError() throws Exception {
        blob[segmentStart(2) + 100] ^= 1;
        f.replaceBlob(row.blobKey(), blob);
        assertFailsOnFullRead();
        // a read far from the change still works: each segment stands alone
        try (RecordingReader r = f.vault.open(row.id()); InputStream in = r.audioStream(0, 1000)) {
            assertThat(in.readAllBytes()).hasSize(1000);
        }
    }

    @Test
    void flippedBitInHeader_failsOnOpen() throws Exception {
        blob[6] ^= 1; // inside the recording id
        f.replaceBlob(row.blobKey(), blob);
        assertThatThrownBy(() -> f.readAll(row)).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void truncatedBlob_failsWithIntegrityError() throws Exception {
        f.replaceBlob(row.blobKey(), Arrays.copyOf(blob, segmentStart(3)));
        assertThatThrownBy(() -> f.vault.open(row.id())).isInstanceOf(RecordingIntegrityException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void extendedBlob_failsWithIntegrityError() throws Exception {
        f.replaceBlob(row.blobKey(), Arrays.copyOf(blob, blob.length + 100));
        assertThatThrownBy(() -> f.vault.open(row.id())).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void reorderedSegments_failWithIntegrityError() throws Exception {
        byte[] swapped = blob.clone();
        System.arraycopy(blob, segmentStart(1), swapped, segmentStart(2), SEGMENT);
        System.arraycopy(blob, segmentStart(2), swapped, segmentStart(1), SEGMENT);
        f.replaceBlob(row.blobKey(), swapped);
        assertFailsOnFullRead();
    }

    @Test
    void segmentFromAnotherRecording_failsWithIntegrityError() throws Exception {
        RecordingRow other = f.record(AudioFormat.STEREO_8K, VaultFixture.audio(AudioFormat.STEREO_8K, 4.0));
        byte[] foreign = f.blobBytes(other.blobKey());
        System.arraycopy(foreign, segmentStart(2), blob, segmentStart(2), SEGMENT);
        f.replaceBlob(row.blobKey(), blob);
        assertFailsOnFullRead();
    }

    @Test
    void wholeBlobSwappedWithAnotherRecordings_failsWithIntegrityError() throws Exception {
        RecordingRow other = f.record(AudioFormat.STEREO_8K, VaultFixture.audio(AudioFormat.STEREO_8K, 4.0));
        f.replaceBlob(row.blobKey(), f.blobBytes(other.blobKey()));
        assertThatThrownBy(() -> f.readAll(row)).isInstanceOf(RecordingIntegrityException.class)
                .hasMessageContaining("belongs to recording " + other.id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void alteredSealedDigest_isCaughtOnFullRead() throws Exception {
        // the blob is intact, but the catalog's digest was changed: the full read must not pass silently
        Catalog lying = (Catalog) java.lang.reflect.Proxy.newProxyInstance(Catalog.class.getClassLoader(),
                new Class<?>[] {Catalog.class}, (proxy, method, args) -> {
                    Object result = method.invoke(f.catalog, args);
                    if (method.getName().equals("find")) {
                        RecordingRow r = ((java.util.Optional<RecordingRow>) result).orElseThrow();
                        return java.util.Optional.of(new RecordingRow(r.id(), r.callId(), r.caller(), r.callee(),
                                r.direction(), r.agent(), r.startedAt(), r.endedAt(), r.durationMillis(), r.format(),
                                r.plaintextBytes(), r.ciphertextBytes(), "0".repeat(64), r.blobKey(),
                                r.formatVersion(), r.state(), r.stateReason(), r.tags()));
                    }
                    return result;
                });
        Vault vault = new Vault(f.blobs, lying, f.keyring, new WriterLocks(dir.resolve("locks")),
                java.time.InstantSource.system());
        assertThatThrownBy(() -> {
            try (RecordingReader r = vault.open(row.id())) {
                r.copyVerified(new ByteArrayOutputStream());
            }
        }).isInstanceOf(RecordingIntegrityException.class).hasMessageContaining("SHA-256");
    }

    private void assertFailsOnFullRead() {
        assertThatThrownBy(() -> {
            try (RecordingReader r = f.vault.open(row.id())) {
                r.copyVerified(new ByteArrayOutputStream());
            }
        }).isInstanceOf(RecordingIntegrityException.class).hasMessageContaining(row.id().toString());
    }
}
