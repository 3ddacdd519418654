package io.callvault.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.AudioFormat;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process crash simulations; the real kill -9 of a process is in the server module's tests. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void abandonedWriter_isSealedInterruptedWithTheSyncedAudio() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        AudioFormat fmt = AudioFormat.STEREO_8K;
        byte[] audio = VaultFixture.audio(fmt, 5.25);
        RecordingWriter w = f.vault.startRecording(VaultFixture.meta(fmt), Vault.SyncPolicy.EVERY_SECOND);
        w.write(audio, 0, audio.length);
        w.sync();
        releaseLockAsIfTheProcessDied(w);

        CrashRecovery.Report report = new CrashRecovery(f.vault).recover();

        assertThat(report.interrupted()).containsExactly(w.id());
        RecordingRow row = f.vault.find(w.id());
        assertThat(row.state()).isEqualTo(RecordingState.INTERRUPTED);
        assertThat(row.stateReason()).contains("recovered");
        byte[] recovered = f.readAll(row);
        // everything but the open segment (at most 16 KiB) made it, and it is exactly the start of the audio
        assertThat(recovered.length).isGreaterThan(audio.length - 16384).isLessThanOrEqualTo(audio.length);
        assertThat(recovered).isEqualTo(Arrays.copyOf(audio, recovered.length));
        assertThat(row.durationMillis()).isEqualTo(fmt.millisFor(recovered.length));
        assertThat(f.blobs.pendingKeys()).isEmpty();
        assertThat(new CrashRecovery(f.vault).recover().nothingToDo()).isTrue();
    }

    @Test
    void writerThatDiedBeforeAnyAudio_isRemovedWithATombstone() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        RecordingWriter w = f.vault.startRecording(VaultFixture.meta(AudioFormat.STEREO_8K), Vault.SyncPolicy.EVERY_SECOND);
        releaseLockAsIfTheProcessDied(w);

        CrashRecovery.Report report = new CrashRecovery(f.vault).recover();

        assertThat(report.removed()).containsExactly(w.id());
        assertThat(f.catalog.find(w.id())).isEmpty();
        assertThat(f.catalog.tombstone(w.id()).orElseThrow().reason()).contains("before any audio");
        assertThat(f.blobs.pendingKeys()).isEmpty();
    }

    @Test
    void writerStillRunning_isLeftAlone() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_8K, 2);
        RecordingWriter w = f.vault.startRecording(VaultFixture.meta(AudioFormat.STEREO_8K), Vault.SyncPolicy.EVERY_SECOND);
        w.write(audio, 0, audio.length);

        CrashRecovery.Report report = new CrashRecovery(f.vault).recover();

        assertThat(report.stillWriting()).containsExactly(w.id());
        assertThat(f.blobs.pendingKeys()).hasSize(1);
        w.seal();
        assertThat(f.readAll(f.vault.find(w.id()))).isEqualTo(audio);
    }

    @Test
    void integrityCheck_findsOrphanBlobsAndRowsWithoutBlobs() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        RecordingRow kept = f.record(AudioFormat.STEREO_8K, VaultFixture.audio(AudioFormat.STEREO_8K, 1));
        RecordingRow lost = f.record(AudioFormat.STEREO_8K, VaultFixture.audio(AudioFormat.STEREO_8K, 1));
        f.blobs.delete(lost.blobKey());
        f.replaceBlob("recordings/zz/orphan.cvr", new byte[100]);

        IntegrityCheck.Report report = new IntegrityCheck(f.vault).run(false);
        assertThat(report.orphanBlobs()).containsExactly("recordings/zz/orphan.cvr");
        assertThat(report.missingBlobs()).containsExactly(lost.id());
        assertThat(f.blobs.list("recordings/")).contains("recordings/zz/orphan.cvr");

        new IntegrityCheck(f.vault).run(true);
        assertThat(f.blobs.list("recordings/")).containsExactly(kept.blobKey());
        assertThat(f.vault.find(lost.id()).state()).isEqualTo(RecordingState.BLOB_MISSING);
    }

    private static void releaseLockAsIfTheProcessDied(RecordingWriter w) throws Exception {
        var field = RecordingWriter.class.getDeclaredField("lock");
        field.setAccessible(true);
        ((WriterLocks.Held) field.get(w)).close();
    }
}
