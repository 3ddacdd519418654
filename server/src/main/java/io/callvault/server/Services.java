package io.callvault.server;

import io.callvault.server.config.ServerConfig;
import io.callvault.store.fs.FileBlobStore;
import io.callvault.store.s3.S3BlobStore;
import io.callvault.store.s3.S3Config;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.Vault;
import io.callvault.vault.VaultException;
import io.callvault.vault.WriterLocks;
import io.callvault.vault.keys.KeyringBootstrap;
import io.callvault.vault.keys.LocalKeyring;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.KeyServiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the vault from the configuration: catalog (SQLite or PostgreSQL), blob store (filesystem or S3),
 * keyring (opened or, on a true first start, created). Each failure names the component and what to fix.
 */
public final class Services {
    /** Catalog setting that remembers which keyring encrypted this catalog's data keys. */
    static final String KEYRING_SETTING = "keyring.id";

    private Services() {
    }

    public static Vault openVault(ServerConfig config, Map<String, String> env) throws VaultException {
        createDataDir(config.dataDir());
        Catalog catalog = openCatalog(config);
        BlobStore blobs = null;
        try {
            blobs = openBlobs(config);
            LocalKeyring keyring = openKeyring(config, env, catalog);
            return new Vault(blobs, catalog, keyring, new WriterLocks(config.dataDir().resolve("locks")),
                    InstantSource.system());
        } catch (VaultException | RuntimeException e) {
            closeQuietly(blobs);
            closeQuietly(catalog);
            throw e;
        }
    }

    private static void createDataDir(Path dir) throws VaultException {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)).endsWith("------")) {
                org.slf4j.LoggerFactory.getLogger(Services.class).warn("Data directory {} can be read by other "
                        + "users; run 'chmod 700 {}' (it holds the catalog, the keyring and the recordings)", dir, dir);
            }
            if (!Files.isWritable(dir)) {
                throw new VaultException("data directory " + dir + " is not writable by this user; fix its owner or "
                        + "point data_dir (CALLVAULT_DATA_DIR) elsewhere");
            }
        } catch (IOException e) {
            throw new VaultException("cannot create data directory " + dir + ": " + e
                    + "; point data_dir (CALLVAULT_DATA_DIR) at a writable place", e);
        }
    }

    /**
     * Opens only the catalog database, for commands that manage extensions and need no keys. The caller
     * closes it; {@link SqlCatalog#directory()} is valid until then.
     */
    public static SqlCatalog openCatalogOnly(ServerConfig config) throws VaultException {
        createDataDir(config.dataDir());
        return (SqlCatalog) openCatalog(config);
    }

    /** The extensions directory kept in the vault's catalog database. */
    public static io.callvault.vault.spi.Directory directory(Vault vault) {
        return ((SqlCatalog) vault.catalog()).directory();
    }

    /** The call records kept in the vault's catalog database. */
    public static io.callvault.vault.spi.CallLog callLog(Vault vault) {
        return ((SqlCatalog) vault.catalog()).callLog();
    }

    private static Catalog openCatalog(ServerConfig config) throws VaultException {
        try {
            ServerConfig.Catalog c = config.catalog();
            return c.embedded() ? SqlCatalog.sqlite(config.dataDir().resolve("catalog.db"))
                    : SqlCatalog.postgres(c.url(), c.user(), c.password());
        } catch (CatalogException e) {
            throw new VaultException("cannot open the catalog: " + e.getMessage(), e);
        }
    }

    private static BlobStore openBlobs(ServerConfig config) throws VaultException {
        try {
            if (config.blobs().store().equals("s3")) {
                ServerConfig.S3 s = config.blobs().s3();
                return S3BlobStore.connect(S3Config.of(s.endpoint(), s.region(), s.bucket(), s.accessKey(),
                        s.secretKey(), s.pathStyle(), config.dataDir().resolve("s3-spool"))
                        .withCreateBucketIfMissing(s.createBucket()));
            }
            return new FileBlobStore(config.blobs().fsDir());
        } catch (IOException e) {
            throw new VaultException("cannot open the blob store: " + e.getMessage(), e);
        }
    }

    private static LocalKeyring openKeyring(ServerConfig config, Map<String, String> env, Catalog catalog)
            throws VaultException {
        try {
            Optional<String> expected = catalog.setting(KEYRING_SETTING);
            KeyringBootstrap boot = new KeyringBootstrap(config.keys().keyringFile(),
                    env.get(KeyringBootstrap.ENV_VAR), config.keys().masterKeyFile(), config.keys().generateMasterKey());
            LocalKeyring ring = boot.openOrCreate(expected);
            if (expected.isEmpty()) {
                catalog.putSetting(KEYRING_SETTING, ring.keyringId());
            }
            return ring;
        } catch (KeyServiceException e) {
            throw new VaultException(e.getMessage(), e);
        } catch (CatalogException e) {
            throw new VaultException("cannot read the keyring id from the catalog: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already failing; the first error is the one to report
            }
        }
    }
}
