package io.callvault.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.callvault.testkit.PgTestDatabase;
import io.callvault.vault.spi.AuditCheckpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code scheduled_tasks} table that V8 creates is the one db-scheduler (the version the server uses)
 * reads and writes, through the catalog's own pool ({@link SqlCatalog#dataSource()}, one connection on
 * SQLite): a one-time task with data that calls into the catalog while it runs, and a recurring task that
 * fails once and then succeeds, which between them write every column but the heartbeat. Waits on latches
 * with a deadline; the scheduler's own clock and polling drive it.
 */
class SchedulerTableTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /**
     * db-scheduler has no SQLite dialect, and its generic one pages with {@code OFFSET 0 ROWS FETCH FIRST n
     * ROWS ONLY}, which SQLite rejects: SQLite needs {@code LIMIT n}.
     */
    static final class SqliteLimit extends DefaultJdbcCustomization {
        SqliteLimit() {
            super(true);
        }

        @Override
        public String getName() {
            return "SQLite";
        }

        @Override
        public String getQueryLimitPart(int limit) {
            return " LIMIT " + limit;
        }
    }

    abstract static class OnDatabase {
        SqlCatalog catalog;

        abstract SqlCatalog open() throws Exception;

        @AfterEach
        void closeCatalog() {
            if (catalog != null) {
                catalog.close();
            }
        }

        @Test
        void dbScheduler_runsTasksOnTheMigratedTable_throughTheCatalogPool() throws Exception {
            catalog = open();
            List<String> received = new CopyOnWriteArrayList<>();
            CountDownLatch oneTimeRan = new CountDownLatch(1);
            OneTimeTask<String> oneTime = Tasks.oneTime("checkpoint", String.class).execute((instance, context) -> {
                try {
                    catalog.checkpoints().add(new AuditCheckpoint(1, "00", Instant.EPOCH, "key", instance.getData()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                received.add(instance.getData());
                oneTimeRan.countDown();
            });
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch recurringRanTwice = new CountDownLatch(2);
            RecurringTask<Void> recurring = Tasks.recurring("retention", Schedules.fixedDelay(Duration.ofMillis(50)))
                    .execute((instance, context) -> {
                        recurringRanTwice.countDown();
                        if (runs.incrementAndGet() == 1) {
                            throw new IllegalStateException("the first run fails on purpose");
                        }
                    });
            SchedulerBuilder builder = Scheduler.create(catalog.dataSource(), oneTime).startTasks(recurring)
                    .pollingInterval(Duration.ofMillis(50)).enablePriority().threads(2)
                    .shutdownMaxWait(Duration.ofSeconds(5)).failureLogging(LogLevel.DEBUG, false);
            Scheduler scheduler = (catalog.isSqlite() ? builder.jdbcCustomization(new SqliteLimit()) : builder).build();
            try {
                scheduler.start();
                scheduler.schedule(oneTime.instance("dsar-42", "zoë's signature ☎"), Instant.now());
                assertThat(oneTimeRan.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("one-time task ran").isTrue();
                assertThat(recurringRanTwice.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("recurring ran twice")
                        .isTrue();
            } finally {
                scheduler.stop();
            }
            assertThat(received).containsExactly("zoë's signature ☎");
            assertThat(catalog.checkpoints().list()).hasSize(1);
            try (Connection c = catalog.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT task_name, last_success, last_failure FROM scheduled_tasks")) {
                assertThat(rows.next()).as("the recurring task's row").isTrue();
                assertThat(rows.getString("task_name")).isEqualTo("retention");
                assertThat(rows.getObject("last_failure")).isNotNull();
                assertThat(rows.getObject("last_success")).isNotNull();
                assertThat(rows.next()).as("the finished one-time task's row is gone").isFalse();
            }
        }
    }

    @Nested
    class OnSqlite extends OnDatabase {
        @TempDir
        Path dir;

        @Override
        SqlCatalog open() throws Exception {
            return SqlCatalog.sqlite(dir.resolve("catalog.db"));
        }
    }

    @Nested
    class OnPostgres extends OnDatabase {
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
