package io.callvault.store.sql;

import io.callvault.vault.spi.CatalogException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway on every open. Migrations are per dialect under
 * {@code db/migration/<dialect>/V<n>__<what>.sql}; an applied migration is never edited, a change is a
 * new version. On PostgreSQL the schema is the connection's current schema ({@code currentSchema} in
 * the URL, else {@code public}).
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void apply(DataSource pool, Dialect dialect) throws CatalogException {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(pool)
                    .locations(dialect.migrations())
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("{}: schema migrated to version {} ({} migrations applied)", dialect.describe(),
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new CatalogException(dialect.describe() + ": migrating the catalog schema failed (was the "
                    + "database written by another callvault version, or changed by hand?): " + e.getMessage(), e);
        }
    }
}
