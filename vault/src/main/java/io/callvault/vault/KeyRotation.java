package io.callvault.vault;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.KeyServiceException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.WrappedKey;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key rotation: a new KEK becomes primary, then every data key still wrapped by an older KEK is unwrapped
 * and wrapped again under the new one. Audio blobs are not touched. Each re-wrap is a compare-and-set,
 * so a recording shredded meanwhile stays shredded; an interrupted rotation is finished by running it
 * again. Old KEKs stay in the keyring, so every recording is readable at every moment.
 */
public final class KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    /** What a rotation did. */
    public record Result(String newKekId, int rewrapped, int skipped) {
    }

    private final Vault vault;

    public KeyRotation(Vault vault) {
        this.vault = vault;
    }

    /** Makes a new primary KEK and re-wraps all data keys under it. */
    public Result rotate() throws VaultException {
        try {
            String primary = vault.keys().rotate();
            LOG.info("New primary KEK {}; re-wrapping data keys", primary);
            return rewrapAllTo(primary);
        } catch (KeyServiceException e) {
            throw new VaultException("key rotation failed: " + e.getMessage(), e);
        }
    }

    private Result rewrapAllTo(String primary) throws VaultException, KeyServiceException {
        int rewrapped = 0;
        int skipped = 0;
        for (String old : vault.keys().kekIds()) {
            if (old.equals(primary)) {
                continue;
            }
            List<RecordingId> ids;
            try {
                ids = vault.catalog().wrappedWith(old);
            } catch (CatalogException e) {
                throw new VaultException("cannot list data keys under " + old + ": " + e.getMessage(), e);
            }
            for (RecordingId id : ids) {
                if (rewrap(id)) {
                    rewrapped++;
                } else {
                    skipped++;
                }
            }
        }
        LOG.info("Key rotation done: {} data keys re-wrapped under {}, {} skipped (deleted meanwhile)", rewrapped,
                primary, skipped);
        return new Result(primary, rewrapped, skipped);
    }

    private boolean rewrap(RecordingId id) throws VaultException {
        byte[] aad = Vault.dataKeyAad(id);
        byte[] cleartext = null;
        try {
            WrappedKey current = vault.catalog().dataKey(id);
            cleartext = vault.keys().unwrap(current, aad);
            return vault.catalog().rewrap(id, current, vault.keys().wrap(cleartext, aad));
        } catch (RecordingNotFoundException e) {
            return false;
        } catch (CatalogException | KeyServiceException e) {
            throw new VaultException("cannot re-wrap the data key of recording " + id + ": " + e.getMessage()
                    + "; run 'keys rotate' again to finish", e);
        } finally {
            if (cleartext != null) {
                Arrays.fill(cleartext, (byte) 0);
            }
        }
    }
}
