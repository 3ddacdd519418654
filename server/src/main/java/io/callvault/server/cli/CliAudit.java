package io.callvault.server.cli;

import io.callvault.server.Platform;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.Vault;
import io.callvault.vault.access.Actor;
import io.callvault.vault.spi.CatalogException;

/**
 * Audit entries for command-line changes that need no governance service (extensions, trunks, keys,
 * imports). The actor is {@link Platform#cliActor()}, the source "cli".
 */
final class CliAudit {
    private CliAudit() {
    }

    static void record(SqlCatalog catalog, String action, String target, String details) throws CatalogException {
        Actor cli = Platform.cliActor();
        catalog.auditLog().append(cli.name(), cli.source(), action, target, "ok", details);
    }

    static void record(Vault vault, String action, String target, String details) throws CatalogException {
        record((SqlCatalog) vault.catalog(), action, target, details);
    }
}
