package io.callvault.store.sql;

import io.callvault.testkit.PgTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.testkit.CatalogContract;
import io.callvault.vault.spi.Catalog;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catalog contract on a real PostgreSQL, one fresh schema per test (see {@link PgTestDatabase}). */
class PostgresCatalogTest extends CatalogContract {
    private PgTestDatabase db;
    private String schema;

    @Override
    protected Catalog newCatalog() throws Exception {
        db = PgTestDatabase.fromEnvironment();
        schema = db.createSchema();
        return SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password());
    }

    /** Runs before the contract closes the catalog; idle pooled connections do not block the drop. */
    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            db.dropSchema(schema);
        }
    }

    @Test
    void describe_namesTheServerButNotTheQueryString() {
        assertThat(catalog.describe()).isEqualTo("PostgreSQL " + PostgresDialect.withoutQuery(db.url()))
                .doesNotContain("currentSchema");
    }
}
