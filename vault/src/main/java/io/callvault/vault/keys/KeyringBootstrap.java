package io.callvault.vault.keys;

import io.callvault.vault.spi.KeyServiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master secret and opens the keyring, creating both only on a true first start.
 *
 * <p>Rules (docs/keys.md): the secret comes from the environment variable if set, else from the key file.
 * An existing keyring is never replaced: if it exists and the secret is missing or wrong, start-up stops
 * with a message that says which. If the keyring is missing but the catalog remembers one
 * ({@code expectedKeyringId}), start-up stops too, since a new keyring could not open old recordings.
 * Only when there is no keyring and no memory of one is a keyring created, and a master key file
 * generated if no secret was given and {@code generateSecret} allows it.
 *
 * @param envSecret      the base64 secret from {@code CALLVAULT_MASTER_KEY}, or null
 * @param keyFile        where the master key file is (read if present; written on first start)
 * @param generateSecret whether a first start may generate the master key file
 */
public record KeyringBootstrap(Path keyringFile, String envSecret, Path keyFile, boolean generateSecret) {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringBootstrap.class);
    public static final String ENV_VAR = "CALLVAULT_MASTER_KEY";

    /** Opens or creates the keyring; see the class comment for when each happens. */
    public LocalKeyring openOrCreate(Optional<String> expectedKeyringId) throws KeyServiceException {
        if (Files.exists(keyringFile)) {
            MasterSecret secret = loadSecret().orElseThrow(() -> new KeyServiceException("keyring " + keyringFile
                    + " exists, but no master secret was given: set " + ENV_VAR + " or put the master key file at "
                    + keyFile + " (setting keys.master_key_file). callvault will not create a new keyring over an "
                    + "existing one."));
            try {
                LocalKeyring ring = LocalKeyring.open(keyringFile, secret);
                if (expectedKeyringId.isPresent() && !expectedKeyringId.get().equals(ring.keyringId())) {
                    throw new KeyServiceException("keyring " + keyringFile + " has id " + ring.keyringId()
                            + ", but the catalog's recordings were encrypted under keyring " + expectedKeyringId.get()
                            + ". Put the right keyring file back (from backup).");
                }
                warnIfExposed(keyringFile);
                return ring;
            } finally {
                secret.destroy();
            }
        }
        if (expectedKeyringId.isPresent()) {
            throw new KeyServiceException("keyring " + keyringFile + " is missing, but the catalog's recordings were "
                    + "encrypted under keyring " + expectedKeyringId.get() + ". Restore the keyring file from backup. "
                    + "callvault does not create a new keyring, since it could not decrypt existing recordings.");
        }
        MasterSecret secret = loadSecret().orElse(null);
        if (secret == null) {
            if (!generateSecret) {
                throw new KeyServiceException("no master secret: set " + ENV_VAR + " or create the master key file "
                        + keyFile + " ('bin/callvault keys new-master-secret > FILE')");
            }
            secret = MasterSecret.generate(keyFile.toString());
            try {
                SecureFiles.writeOwnerOnly(keyFile, (secret.toBase64() + "\n").getBytes(StandardCharsets.US_ASCII),
                        true);
            } catch (IOException e) {
                throw new KeyServiceException("cannot write the new master key file " + keyFile + ": " + e, e);
            }
            LOG.warn("Generated a new master key at {} (owner-only). It opens the keyring {}; back both up. "
                    + "In production keep the master key apart from the data: pass it in {} or keep "
                    + "keys.master_key_file on another volume.", keyFile, keyringFile, ENV_VAR);
        }
        try {
            LocalKeyring ring = LocalKeyring.create(keyringFile, secret);
            LOG.info("Created keyring {} (id {}) with KEK {}", keyringFile, ring.keyringId(), ring.primaryKekId());
            return ring;
        } finally {
            secret.destroy();
        }
    }

    private Optional<MasterSecret> loadSecret() throws KeyServiceException {
        try {
            if (envSecret != null && !envSecret.isBlank()) {
                return Optional.of(MasterSecret.parse(envSecret, ENV_VAR));
            }
            if (Files.exists(keyFile)) {
                warnIfExposed(keyFile);
                return Optional.of(MasterSecret.parse(Files.readString(keyFile, StandardCharsets.US_ASCII),
                        keyFile.toString()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new KeyServiceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new KeyServiceException("cannot read master key file " + keyFile + ": " + e, e);
        }
    }

    private static void warnIfExposed(Path file) {
        try {
            if (SecureFiles.isExposed(file)) {
                LOG.warn("{} can be read or written by other users; run 'chmod 600 {}'", file, file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot check permissions of {}", file, e);
        }
    }

    /** A fresh master secret in base64, for 'keys new-master-secret'. */
    public static String newSecretBase64() {
        MasterSecret s = MasterSecret.generate("new");
        try {
            return s.toBase64();
        } finally {
            s.destroy();
        }
    }
}
