package io.callvault.store.sql;

import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static io.callvault.testkit.GovernanceFixtures.T0;
import static io.callvault.testkit.GovernanceFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.testkit.CheckpointStoreContract;
import io.callvault.testkit.CredentialStoreContract;
import io.callvault.testkit.DecisionStoreContract;
import io.callvault.testkit.DsarStoreContract;
import io.callvault.testkit.GovernanceFixtures;
import io.callvault.testkit.HoldStoreContract;
import io.callvault.testkit.PgTestDatabase;
import io.callvault.testkit.RetentionStoreContract;
import io.callvault.testkit.UserStoreContract;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CheckpointStore;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.UserStore;
import io.callvault.vault.spi.decision.DecisionStore;
import io.callvault.vault.spi.dsar.DsarStore;
import io.callvault.vault.spi.hold.HoldStore;
import io.callvault.vault.spi.hold.LegalHold;
import io.callvault.vault.spi.retention.RetentionStore;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The governance and decision store contracts on SQLite and PostgreSQL, with one fresh catalog per test. */
class SqlGovernanceTest {

    abstract static class Stores implements UserStoreContract, CredentialStoreContract, HoldStoreContract,
            RetentionStoreContract, DsarStoreContract, CheckpointStoreContract, DecisionStoreContract {
        SqlCatalog catalog;

        abstract SqlCatalog open() throws Exception;

        @BeforeEach
        void openCatalog() throws Exception {
            catalog = open();
        }

        @AfterEach
        void closeCatalog() {
            catalog.close();
        }

        @Override
        public UserStore users() {
            return catalog.users();
        }

        @Override
        public CredentialStore credentials() {
            return catalog.credentials();
        }

        @Override
        public HoldStore holds() {
            return catalog.holds();
        }

        @Override
        public RetentionStore retention() {
            return catalog.retention();
        }

        @Override
        public Catalog catalog() {
            return catalog;
        }

        @Override
        public DsarStore dsars() {
            return catalog.dsars();
        }

        @Override
        public CheckpointStore checkpoints() {
            return catalog.checkpoints();
        }

        @Override
        public DecisionStore decisions() {
            return catalog.decisions();
        }

        @Test
        void holdOnIds_outlivesTheShreddingOfItsRecordings() throws Exception {
            catalog.create(fullRow(id(1)), key("kek-1", 1));
            LegalHold hold = GovernanceFixtures.hold("h1", 0, Set.of(id(1), id(2)));
            catalog.holds().create(hold);
            catalog.shred(id(1), "hold released", "retention-job", T0);
            assertThat(catalog.holds().find("h1")).contains(hold);
        }

        @Test
        void deleteSessions_byTheIdOfAnotherUsersSession_deletesNothing() throws Exception {
            catalog.credentials().createSession(session("s1", "alice", 0));
            catalog.credentials().deleteSessions("mallory", "s1");
            assertThat(catalog.credentials().findSession("s1")).isPresent();
        }
    }

    @Nested
    class OnSqlite extends Stores {
        @TempDir
        Path dir;

        @Override
        SqlCatalog open() throws Exception {
            return SqlCatalog.sqlite(dir.resolve("catalog.db"));
        }
    }

    @Nested
    class OnPostgres extends Stores {
        PgTestDatabase db;
        String schema;

        @Override
        SqlCatalog open() throws Exception {
            db = PgTestDatabase.fromEnvironment();
            schema = db.createSchema();
            return SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password());
        }

        @AfterEach
        void dropSchema() throws Exception {
            db.dropSchema(schema);
        }
    }
}
