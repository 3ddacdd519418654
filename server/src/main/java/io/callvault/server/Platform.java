package io.callvault.server;

import io.callvault.server.config.ServerConfig;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.GovernanceRules;
import io.callvault.vault.Vault;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.Actor;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.audit.CheckpointSigner;
import io.callvault.vault.dsar.DataSubjectRequests;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.spi.CatalogException;
import java.time.InstantSource;
import java.util.Map;

/**
 * The vault under its governance rules, and the services that govern it: audit trail, legal holds,
 * retention and data-subject requests, all on the catalog's database. Every entry point (server and
 * CLI) opens the vault through here, so no deletion path can skip a legal hold.
 */
public record Platform(Vault vault, SqlCatalog catalog, AuditTrail audit, LegalHolds holds, Retention retention,
                       DataSubjectRequests dsars) implements AutoCloseable {

    /** The Ed25519 key that signs audit checkpoints (docs/audit-chain.md). */
    public static java.nio.file.Path signingKeyFile(ServerConfig config) {
        return config.dataDir().resolve("audit-signing.key");
    }

    /** The name and source the command line acts under in the audit log. */
    public static Actor cliActor() {
        return Actor.system("cli:" + System.getProperty("user.name", "unknown"), "cli");
    }

    public static Platform open(ServerConfig config, Map<String, String> env) throws VaultException {
        Vault vault = Services.openVault(config, env);
        try {
            return govern(vault, config, InstantSource.system());
        } catch (VaultException | RuntimeException e) {
            try {
                vault.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static Platform govern(Vault vault, ServerConfig config, InstantSource clock) throws VaultException {
        SqlCatalog sql = (SqlCatalog) vault.catalog();
        CheckpointSigner signer;
        try {
            signer = CheckpointSigner.openOrCreate(signingKeyFile(config));
        } catch (java.io.IOException e) {
            throw new VaultException("cannot open the audit signing key " + signingKeyFile(config)
                    + ": " + e.getMessage() + "; check its owner and permissions", e);
        }
        AuditTrail audit = new AuditTrail(sql.auditLog(), sql.checkpoints(), signer, clock);
        LegalHolds holds = new LegalHolds(sql.holds(), sql, audit, clock);
        Retention retention = new Retention(sql.retention(), sql, vault, holds, audit, clock);
        vault.govern(new GovernanceRules(holds, retention));
        try {
            if (sql.retention().policies().isEmpty()) {
                sql.retention().putPolicy(Retention.defaultPolicy(config.jobs().defaultRetentionDays()));
            }
        } catch (CatalogException e) {
            throw new VaultException("cannot set up the default retention policy: " + e.getMessage(), e);
        }
        DataSubjectRequests dsars = new DataSubjectRequests(sql.dsars(), vault, holds, sql.retention(), sql.decisions(),
                audit, clock);
        return new Platform(vault, sql, audit, holds, retention, dsars);
    }

    @Override
    public void close() throws Exception {
        vault.close();
    }
}
