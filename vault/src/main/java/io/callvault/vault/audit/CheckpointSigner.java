package io.callvault.vault.audit;

import io.callvault.vault.keys.SecureFiles;
import io.callvault.vault.spi.AuditCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and verifies audit checkpoints with one Ed25519 key (format in docs/audit-chain.md, "Checkpoints").
 * The signed bytes are {@link #signedBytes}: a fixed ASCII label, then seq, the head hash and the time.
 *
 * <p>The key file holds the PKCS#8 private key and the X.509 public key as PEM blocks and is written
 * owner-only (0600). Losing it makes existing checkpoints unverifiable ("unknown key"), so back it up with
 * the keyring. Thread-safe: every call uses its own {@link Signature}.
 */
public final class CheckpointSigner {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);
    /** Domain separation: these bytes are never a valid encoding of anything else callvault signs. */
    static final byte[] LABEL = "callvault audit checkpoint v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /**
     * Opens the signing key in {@code keyFile}, or creates one there (owner-only, never overwriting a file
     * another process created first) if there is none.
     *
     * @throws IOException if the file cannot be read or written, or does not hold a matching Ed25519 key pair
     */
    public static CheckpointSigner openOrCreate(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            CheckpointSigner created = generate();
            try {
                SecureFiles.writeOwnerOnly(keyFile, created.toPem(), true);
                LOG.info("Created audit checkpoint key {} in {}", created.keyId, keyFile);
                return created;
            } catch (FileAlreadyExistsException raced) {
                LOG.debug("{} was created concurrently; opening it", keyFile);
            }
        }
        if (SecureFiles.isExposed(keyFile)) {
            LOG.warn("{} can be read or written by other users; run 'chmod 600 {}'", keyFile, keyFile);
        }
        return fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
    }

    /** A fresh key pair kept only in memory: for tests and for verifying with a throw-away key. */
    public static CheckpointSigner generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new CheckpointSigner(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform since 15 has Ed25519", e);
        }
    }

    /** First 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs "the chain had {@code seq} entries ending in {@code hash}" at {@code at} (kept to the millisecond). */
    public AuditCheckpoint sign(long seq, String hash, Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(signedBytes(seq, hash, millis));
            return new AuditCheckpoint(seq, hash, millis, keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True if the checkpoint names this signer's key and its signature verifies over its fields. */
    public boolean verifies(AuditCheckpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId()) || !HEX_256.matcher(checkpoint.hash()).matches()) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(checkpoint.signature());
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(publicKey);
            s.update(signedBytes(checkpoint.seq(), checkpoint.hash(), checkpoint.at()));
            return s.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The bytes a checkpoint signature covers: {@link #LABEL} (30 ASCII bytes, ending in a newline), seq as a
     * signed 64-bit big-endian integer, the 64 ASCII hex digits of the hash, and {@code at} as epoch
     * milliseconds, signed 64-bit big-endian: 110 bytes.
     *
     * @throws IllegalArgumentException if seq < 1 or hash is not 64 lower-case hex digits
     */
    public static byte[] signedBytes(long seq, String hash, Instant at) {
        if (seq < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least one entry, not " + seq);
        }
        if (!HEX_256.matcher(Objects.requireNonNull(hash, "hash")).matches()) {
            throw new IllegalArgumentException("a checkpoint hash is 64 lower-case hex digits");
        }
        return ByteBuffer.allocate(LABEL.length + 8 + 64 + 8).put(LABEL).putLong(seq)
                .put(hash.getBytes(StandardCharsets.US_ASCII)).putLong(at.toEpochMilli()).array();
    }

    private static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private byte[] toPem() {
        Base64.Encoder mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
        String text = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + mime.encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static CheckpointSigner fromPem(String text, String where) throws IOException {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + " holds a damaged PEM block '" + m.group(1) + "'; restore it from backup");
            }
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> throw new IOException(where + " holds an unexpected PEM block '" + m.group(1) + "'");
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IOException(where + " is not an audit checkpoint key file (needs a PRIVATE KEY and a "
                    + "PUBLIC KEY block); restore it from backup");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            CheckpointSigner signer = new CheckpointSigner(factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    factory.generatePublic(new X509EncodedKeySpec(publicDer)));
            if (!signer.verifies(signer.sign(1, "0".repeat(64), Instant.EPOCH))) {
                throw new IOException("the private and public key in " + where + " do not belong together; "
                        + "restore the file from backup");
            }
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IOException(where + " does not hold an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CheckpointSigner[Ed25519 " + keyId + "]";
    }
}
