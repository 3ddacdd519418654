package io.callvault.vault.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed statement that the audit chain had {@code seq} entries ending in {@code hash} at {@code at}.
 * Someone who rewrites the chain in the database cannot forge the signature without the signing key, and
 * cannot drop entries up to a checkpoint unnoticed (docs/audit-chain.md).
 *
 * @param keyId     fingerprint of the public key that verifies {@code signature}
 * @param signature base64 Ed25519 signature over the checkpoint's encoding (see the vault's checkpoint signer)
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String keyId, String signature) {
    public AuditCheckpoint {
        if (seq < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least one entry");
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }
}
