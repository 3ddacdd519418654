package io.callvault.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.callvault.server.Platform;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.access.Actor;
import io.callvault.vault.dsar.DataSubjectRequests;
import io.callvault.vault.dsar.Deadlines;
import io.callvault.vault.retention.RetentionRun;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governance jobs, run by db-scheduler on the catalog's database (so on PostgreSQL several servers
 * share them and each run happens once): retention (crypto-shred what has expired), a signed audit
 * checkpoint, and the data-subject request deadline check, which logs overdue and soon-due requests as
 * warnings. Each job is also run once shortly after start.
 */
public final class GovernanceJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GovernanceJobs.class);
    static final Duration DEADLINE_CHECK_EVERY = Duration.ofHours(6);

    private final Scheduler scheduler;

    private GovernanceJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static GovernanceJobs start(Platform platform, ServerConfig.Jobs config) {
        DataSource db = platform.catalog().dataSource();
        Actor retention = Actor.system("retention", "scheduler");
        List<RecurringTask<Void>> tasks = List.of(
                Tasks.recurring("retention", Schedules.fixedDelay(config.retentionEvery()))
                        .execute((instance, context) -> runRetention(platform, retention)),
                Tasks.recurring("audit-checkpoint", Schedules.fixedDelay(config.checkpointEvery()))
                        .execute((instance, context) -> checkpoint(platform)),
                Tasks.recurring("dsar-deadlines", Schedules.fixedDelay(DEADLINE_CHECK_EVERY))
                        .execute((instance, context) -> warnAboutDeadlines(platform.dsars())));
        var builder = Scheduler.create(db).startTasks(tasks).threads(1)
                .pollingInterval(Duration.ofSeconds(10)).shutdownMaxWait(Duration.ofSeconds(5));
        if (platform.catalog().isSqlite()) {
            builder.jdbcCustomization(new SqliteSchedulerDialect()).pollUsingFetchAndLockOnExecute(0.5, 1.0);
        }
        Scheduler scheduler = builder.build();
        scheduler.start();
        return new GovernanceJobs(scheduler);
    }

    static void runRetention(Platform platform, Actor actor) {
        try {
            RetentionRun run = platform.retention().run(actor, false);
            if (!run.items().isEmpty()) {
                LOG.info("Retention: {}", run.summary());
            }
        } catch (Exception e) {
            LOG.error("Retention run failed: {}", e.toString());
        }
    }

    static void checkpoint(Platform platform) {
        try {
            platform.audit().checkpoint().ifPresent(c -> LOG.debug("Audit checkpoint at entry {}", c.seq()));
        } catch (Exception e) {
            LOG.error("Audit checkpoint failed: {}", e.toString());
        }
    }

    static void warnAboutDeadlines(DataSubjectRequests dsars) {
        try {
            Deadlines d = dsars.deadlines();
            d.overdue().forEach(r -> LOG.warn("Data-subject request {} ({}) is OVERDUE: it was due {}", r.id(),
                    r.kind(), r.dueAt()));
            d.dueSoon().forEach(r -> LOG.warn("Data-subject request {} ({}) is due {}", r.id(), r.kind(), r.dueAt()));
        } catch (Exception e) {
            LOG.error("Checking data-subject request deadlines failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
