package io.callvault.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.testkit.AuditSinkContract;
import io.callvault.testkit.PgTestDatabase;
import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditSink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit-sink contract on SQLite and PostgreSQL, and verification of chains tampered with in SQL. */
class SqlAuditSinkTest {

    /** Tampering done with plain SQL behind the sink's back, as an attacker with database access would. */
    abstract static class Tampering extends AuditSinkContract {
        SqlCatalog catalog;

        abstract Connection rawConnection() throws Exception;

        private void appendFive() throws Exception {
            for (int i = 1; i <= 5; i++) {
                sink.append("alice", "198.51.100." + i, "recording.export", "r" + i, "ok", "entry " + i);
            }
            assertThat(AuditChain.verify(sink.read(1, 100)).ok()).isTrue();
        }

        private void sql(String... statements) throws Exception {
            try (Connection c = rawConnection(); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.executeUpdate(sql);
                }
            }
        }

        private AuditChain.Result verify() throws Exception {
            return AuditChain.verify(sink.read(1, 100));
        }

        @Test
        void editedDetails_failsWithHashMismatchAtThatSeq() throws Exception {
            appendFive();
            sql("UPDATE audit_log SET details = 'nothing to see' WHERE seq = 3");
            AuditChain.Result r = verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.badSeq()).isEqualTo(3);
            assertThat(r.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH);
        }

        @Test
        void deletedRow_failsAtTheNextSeq() throws Exception {
            appendFive();
            sql("DELETE FROM audit_log WHERE seq = 3");
            AuditChain.Result r = verify();
            assertThat(r.badSeq()).isEqualTo(4);
            assertThat(r.problem()).isEqualTo(AuditChain.Problem.SEQ_GAP);
        }

        @Test
        void deletedAndRenumbered_failsWithPrevHashMismatch() throws Exception {
            appendFive();
            sql("DELETE FROM audit_log WHERE seq = 3", "UPDATE audit_log SET seq = -seq WHERE seq > 3",
                    "UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0");
            AuditChain.Result r = verify();
            assertThat(r.badSeq()).isEqualTo(3);
            assertThat(r.problem()).isEqualTo(AuditChain.Problem.PREV_HASH_MISMATCH);
        }

        @Test
        void swappedSeqs_fail() throws Exception {
            appendFive();
            sql("UPDATE audit_log SET seq = -1 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 3",
                    "UPDATE audit_log SET seq = 3 WHERE seq = -1");
            AuditChain.Result r = verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.badSeq()).isEqualTo(2);
            assertThat(r.problem()).isEqualTo(AuditChain.Problem.PREV_HASH_MISMATCH);
        }

        @Test
        void appendAfterTampering_stillAppendsAtTheEnd_andTheBreakStaysVisible() throws Exception {
            appendFive();
            sql("UPDATE audit_log SET actor = 'bob' WHERE seq = 2");
            assertThat(sink.append("carol", "cli", "audit.verify", "", "ok", "").seq()).isEqualTo(6);
            assertThat(verify().badSeq()).isEqualTo(2);
        }
    }

    @Nested
    class OnSqlite extends Tampering {
        @TempDir
        Path dir;

        @Override
        protected AuditSink newAuditSink() throws Exception {
            catalog = SqlCatalog.sqlite(dir.resolve("catalog.db"));
            return catalog.auditLog();
        }

        @Override
        Connection rawConnection() throws Exception {
            return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"));
        }

        @AfterEach
        void close() {
            catalog.close();
        }
    }

    @Nested
    class OnPostgres extends Tampering {
        PgTestDatabase db;
        String schema;

        @Override
        protected AuditSink newAuditSink() throws Exception {
            db = PgTestDatabase.fromEnvironment();
            schema = db.createSchema();
            catalog = SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password());
            return catalog.auditLog();
        }

        @Override
        Connection rawConnection() throws Exception {
            return DriverManager.getConnection(db.urlFor(schema), db.user(), db.password());
        }

        @AfterEach
        void close() throws Exception {
            catalog.close();
            db.dropSchema(schema);
        }
    }

    @Test
    void twoCatalogsOnOnePostgresSchema_appendConcurrently_intoOneChain() throws Exception {
        PgTestDatabase db = PgTestDatabase.fromEnvironment();
        String schema = db.createSchema();
        try (SqlCatalog a = SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password());
             SqlCatalog b = SqlCatalog.postgres(db.urlFor(schema), db.user(), db.password())) {
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        b.auditLog().append("b", "cli", "x.y", "", "ok", "");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 40; i++) {
                a.auditLog().append("a", "cli", "x.y", "", "ok", "");
            }
            other.join();
            assertThat(AuditChain.verify(AuditSinkContract.readAll(a.auditLog())).describe())
                    .isEqualTo("audit chain OK: 80 entries");
        } finally {
            db.dropSchema(schema);
        }
    }
}
