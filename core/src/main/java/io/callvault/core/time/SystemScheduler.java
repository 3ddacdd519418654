package io.callvault.core.time;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real {@link Scheduler}: a small pool of daemon threads on the system clock. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService executor;

    public SystemScheduler(String name, int threads) {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(threads,
                Thread.ofPlatform().name(name + "-", 0).daemon(true).factory());
        e.setRemoveOnCancelPolicy(true); // cancelled SIP timers must not pile up in the queue
        this.executor = Executors.unconfigurableScheduledExecutorService(e);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
