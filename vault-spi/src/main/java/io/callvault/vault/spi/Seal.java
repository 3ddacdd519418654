package io.callvault.vault.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The final facts of a recording, written once when it is sealed (normally, or by crash recovery).
 *
 * @param plaintextSha256 lower-case hex SHA-256 of the audio frames (not of any WAV header)
 * @param reason          why it ended this way; empty for a normal seal
 * @param blobKey         where the final blob lives: the key given at create, or another one when crash
 *                        recovery re-encrypted what had reached storage into a new blob
 */
public record Seal(RecordingState state, Instant endedAt, long durationMillis, long plaintextBytes,
                   long ciphertextBytes, String plaintextSha256, String reason, String blobKey) {
    public Seal {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(plaintextSha256, "plaintextSha256");
        if (state != RecordingState.SEALED && state != RecordingState.INTERRUPTED) {
            throw new IllegalArgumentException("a seal ends in SEALED or INTERRUPTED, not " + state);
        }
        if (!plaintextSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("plaintextSha256 must be 64 lower-case hex digits");
        }
        if (durationMillis < 0 || plaintextBytes < 0 || ciphertextBytes < 0) {
            throw new IllegalArgumentException("negative size or duration");
        }
        reason = reason == null ? "" : reason;
    }
}
