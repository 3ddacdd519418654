package io.callvault.core.time;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Time as a dependency: protocol timers (SIP T1/T2/T4, transaction timers), jitter buffers and jobs ask a
 * Scheduler instead of sleeping or using java.util.Timer, so tests drive them with a fake clock
 * ({@code testkit.FakeScheduler}) and production uses {@link SystemScheduler}.
 *
 * <p>Thread-safe. Tasks run on the scheduler's thread(s); a task must be short and must not block.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run. */
    Cancellable schedule(Duration delay, Runnable task);

    /** The clock the delays are measured on. */
    InstantSource clock();

    /** Monotonic nanoseconds, for measuring intervals (fake schedulers advance it with their clock). */
    long nanoTime();

    /** A scheduled task that may be cancelled; cancelling twice or after it ran does nothing. */
    interface Cancellable {
        /** @return true if this call stopped the task from running */
        boolean cancel();
    }
}
