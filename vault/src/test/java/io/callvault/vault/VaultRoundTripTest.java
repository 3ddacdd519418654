package io.callvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.AudioFormat;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void stereo8k_roundTripsBitExactWithSealedDigest() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_8K, 3.3);
        RecordingRow row = f.record(AudioFormat.STEREO_8K, audio);

        assertThat(row.state()).isEqualTo(RecordingState.SEALED);
        assertThat(row.durationMillis()).isEqualTo(3300);
        assertThat(row.plaintextSha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(audio)));
        assertThat(f.readAll(row)).isEqualTo(audio);
        assertThat(f.catalog.find(row.id()).orElseThrow().state()).isEqualTo(RecordingState.SEALED);
    }

    @Test
    void stereo16k_roundTripsBitExact() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_16K, 2.0);
        assertThat(f.readAll(f.record(AudioFormat.STEREO_16K, audio))).isEqualTo(audio);
    }

    @Test
    void ciphertext_containsNoRunOfThePlaintext() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_8K, 2.0);
        RecordingRow row = f.record(AudioFormat.STEREO_8K, audio);
        byte[] blob = f.blobBytes(row.blobKey());

        // every 8-byte window of the plaintext (at sample boundaries), looked for at every blob offset
        java.util.Set<Long> windows = new java.util.HashSet<>();
        java.nio.ByteBuffer plain = java.nio.ByteBuffer.wrap(audio);
        for (int i = 0; i + 8 <= audio.length; i += 2) {
            windows.add(plain.getLong(i));
        }
        java.nio.ByteBuffer cipher = java.nio.ByteBuffer.wrap(blob);
        for (int i = 0; i + 8 <= blob.length; i++) {
            if (windows.contains(cipher.getLong(i))) {
                throw new AssertionError("an 8-byte run of plaintext appears at blob offset " + i);
            }
        }
        assertThat(windows).hasSizeGreaterThan(audio.length / 4);
    }

    @Test
    void seekToAnySecond_decryptsOnlyTheSegmentsTouched() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        AudioFormat fmt = AudioFormat.STEREO_8K;
        byte[] audio = VaultFixture.audio(fmt, 120);
        RecordingRow row = f.record(fmt, audio);

        try (RecordingReader r = f.vault.open(row.id())) {
            long from = fmt.offsetOf(97_000);
            long bytesBefore = f.blobs.bytesRead();
            byte[] second;
            try (InputStream in = r.audioStream(from, from + fmt.bytesPerSecond())) {
                second = in.readAllBytes();
            }
            long ciphertextRead = f.blobs.bytesRead() - bytesBefore;
            assertThat(second).isEqualTo(Arrays.copyOfRange(audio, (int) from, (int) from + fmt.bytesPerSecond()));
            // one second is 32 000 bytes, at most 3 segments of 16 KiB, not the 97 s before it
            assertThat(ciphertextRead).isLessThan(4 * 16384);
        }
    }

    @Test
    void wavExport_hasCanonicalHeaderAndTheFrames() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_8K, 1.0);
        RecordingRow row = f.record(AudioFormat.STEREO_8K, audio);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader r = f.vault.open(row.id())) {
            r.writeWav(out);
        }
        byte[] wav = out.toByteArray();
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(wav).hasSize(44 + audio.length);
        assertThat(Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(audio);
    }

    @Test
    void delete_shredsKeySoEvenTheOldBlobCannotBeDecrypted() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        RecordingRow row = f.record(AudioFormat.STEREO_8K, VaultFixture.audio(AudioFormat.STEREO_8K, 1.0));
        byte[] oldBlob = f.blobBytes(row.blobKey());

        var tomb = f.vault.delete(row.id(), "customer asked for erasure", "tester");

        assertThat(tomb.reason()).isEqualTo("customer asked for erasure");
        assertThat(f.catalog.find(row.id())).isEmpty();
        assertThat(f.catalog.tombstone(row.id())).isPresent();
        assertThat(f.blobs.list("recordings/")).isEmpty();
        assertThatThrownBy(() -> f.catalog.dataKey(row.id())).isInstanceOf(RecordingNotFoundException.class);
        // someone restores the blob from a backup: still nothing to decrypt it with
        f.replaceBlob(row.blobKey(), oldBlob);
        assertThatThrownBy(() -> f.vault.open(row.id())).isInstanceOf(VaultException.class)
                .hasMessageContaining("deleted");
        assertThatThrownBy(() -> f.vault.unwrapDataKey(row.id())).hasMessageContaining("crypto-shredded");
    }

    @Test
    void writeOfPartialFrame_isRefused() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        RecordingWriter w = f.vault.startRecording(VaultFixture.meta(AudioFormat.STEREO_8K), Vault.SyncPolicy.AT_SEAL);
        assertThatThrownBy(() -> w.write(new byte[3], 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of 4-byte frames");
        w.abort("test", "tester");
    }
}
