package io.callvault.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.AudioFormat;
import io.callvault.vault.spi.RecordingRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
    @TempDir
    Path dir;

    @Test
    void rotation_rewrapsDataKeysWithoutTouchingAudio_andOldRecordingsStayReadable() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audioA = VaultFixture.audio(AudioFormat.STEREO_8K, 1.5);
        RecordingRow a = f.record(AudioFormat.STEREO_8K, audioA);
        String firstKek = f.keyring.primaryKekId();
        byte[] blobBefore = f.blobBytes(a.blobKey());
        var wrappedBefore = f.catalog.dataKey(a.id());

        KeyRotation.Result r = new KeyRotation(f.vault).rotate();

        assertThat(r.newKekId()).isNotEqualTo(firstKek);
        assertThat(r.rewrapped()).isEqualTo(1);
        assertThat(f.catalog.dataKey(a.id()).kekId()).isEqualTo(r.newKekId());
        assertThat(f.catalog.dataKey(a.id())).isNotEqualTo(wrappedBefore);
        assertThat(f.catalog.wrappedWith(firstKek)).isEmpty();
        assertThat(f.blobBytes(a.blobKey())).isEqualTo(blobBefore);
        assertThat(f.readAll(a)).isEqualTo(audioA);

        byte[] audioB = VaultFixture.audio(AudioFormat.STEREO_16K, 1.0);
        RecordingRow b = f.record(AudioFormat.STEREO_16K, audioB);
        assertThat(f.catalog.dataKey(b.id()).kekId()).isEqualTo(r.newKekId());
        new KeyRotation(f.vault).rotate();
        assertThat(f.readAll(a)).isEqualTo(audioA);
        assertThat(f.readAll(b)).isEqualTo(audioB);
        assertThat(f.keyring.kekIds()).hasSize(3);
    }

    @Test
    void keyWrappedUnderOldKek_staysReadableBeforeItIsRewrapped() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_8K, 1.0);
        RecordingRow a = f.record(AudioFormat.STEREO_8K, audio);
        f.keyring.rotate(); // new primary, nothing re-wrapped yet: the state in the middle of a rotation
        assertThat(f.catalog.dataKey(a.id()).kekId()).isNotEqualTo(f.keyring.primaryKekId());
        assertThat(f.readAll(a)).isEqualTo(audio);
    }
}
