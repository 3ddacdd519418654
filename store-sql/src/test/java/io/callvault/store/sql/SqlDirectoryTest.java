package io.callvault.store.sql;

import io.callvault.testkit.DirectoryContract;
import io.callvault.testkit.PgTestDatabase;
import io.callvault.vault.spi.Directory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The directory and call-log contracts on SQLite and on a real PostgreSQL. */
class SqlDirectoryTest {
    @Nested
    class CallLogOnSqlite extends io.callvault.testkit.CallLogContract {
        @TempDir
        Path dir;
        SqlCatalog catalog;

        @Override
        protected io.callvault.vault.spi.CallLog newCallLog() throws Exception {
            catalog = SqlCatalog.sqlite(dir.resolve("catalog.db"));
            return catalog.callLog();
        }

        @AfterEach
        void close() throws Exception {
            catalog.close();
        }
    }

    @Nested
    class CallLogOnPostgres extends io.callvault.testkit.CallLogContract {
        PgTestDatabase db;
        String schema;
        SqlCatalog catalog;

        @Override
        protected io.callvault.vault.spi.CallLog newCallLog() throws Exception {
            db = PgTestDatabase.fromEnvironment();
            schema = db.createSchema();
            catalog = SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password());
            return catalog.callLog();
        }

        @AfterEach
        void close() throws Exception {
            catalog.close();
            db.dropSchema(schema);
        }
    }

    @Nested
    class OnSqlite extends DirectoryContract {
        @TempDir
        Path dir;
        SqlCatalog catalog;

        @Override
        protected Directory newDirectory() throws Exception {
            catalog = SqlCatalog.sqlite(dir.resolve("catalog.db"));
            return catalog.directory();
        }

        @AfterEach
        void close() throws Exception {
            catalog.close();
        }
    }

    @Nested
    class OnPostgres extends DirectoryContract {
        PgTestDatabase db;
        String schema;
        SqlCatalog catalog;

        @Override
        protected Directory newDirectory() throws Exception {
            db = PgTestDatabase.fromEnvironment();
            schema = db.createSchema();
            catalog = SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password());
            return catalog.directory();
        }

        @AfterEach
        void close() throws Exception {
            catalog.close();
            db.dropSchema(schema);
        }
    }
}
