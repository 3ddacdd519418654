package io.callvault.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.AuditCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSignerTest {
    private static final String HASH = "bc88e0818fabdc0acba21e43078070408b0031433b043efc1bc929a23c955ba6";
    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void openOrCreate_writesAnOwnerOnlyKey_andReopensTheSameKey() throws Exception {
        Path file = dir.resolve("keys/audit-checkpoint.pem");
        CheckpointSigner first = CheckpointSigner.openOrCreate(file);
        CheckpointSigner again = CheckpointSigner.openOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----").contains("BEGIN PUBLIC KEY");
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(again.verifies(first.sign(7, HASH, AT))).isTrue();
    }

    @Test
    void alteredCheckpoint_doesNotVerify() {
        CheckpointSigner signer = CheckpointSigner.generate();
        AuditCheckpoint c = signer.sign(7, HASH, AT);

        assertThat(signer.verifies(c)).isTrue();
        assertThat(signer.verifies(new AuditCheckpoint(8, c.hash(), c.at(), c.keyId(), c.signature()))).isFalse();
        assertThat(signer.verifies(new AuditCheckpoint(7, "0".repeat(64), c.at(), c.keyId(), c.signature()))).isFalse();
        assertThat(signer.verifies(new AuditCheckpoint(7, c.hash(), c.at().plusMillis(1), c.keyId(), c.signature())))
                .isFalse();
        assertThat(signer.verifies(new AuditCheckpoint(7, c.hash(), c.at(), c.keyId(), "not base64!"))).isFalse();
        assertThat(CheckpointSigner.generate().verifies(c)).isFalse();
    }

    @Test
    void signedBytes_followTheDocumentedLayout() {
        byte[] bytes = CheckpointSigner.signedBytes(7, HASH, AT);

        assertThat(bytes).hasSize(110);
        assertThat(new String(bytes, 0, 30, StandardCharsets.US_ASCII)).isEqualTo("callvault audit checkpoint v1\n");
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertThat(b.getLong(30)).isEqualTo(7);
        assertThat(new String(Arrays.copyOfRange(bytes, 38, 102), StandardCharsets.US_ASCII)).isEqualTo(HASH);
        assertThat(b.getLong(102)).isEqualTo(1796029200000L);
    }

    @Test
    void damagedKeyFile_failsSayingWhatToDo() throws Exception {
        Path file = dir.resolve("audit-checkpoint.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> CheckpointSigner.openOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("restore it from backup");
    }
}
