package io.callvault.testkit;

import io.callvault.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on a manual clock: nothing runs until the test calls {@link #advance}; then every
 * task due by the new time runs, in due order (ties in scheduling order), on the calling thread.
 * Thread-safe for scheduling; advance from one thread.
 */
public final class FakeScheduler implements Scheduler {
    private record Task(long dueNanos, long seq, Runnable body, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.seq, b.seq));
    private final Instant epoch;
    private long now;
    private long seq;

    public FakeScheduler(Instant start) {
        this.epoch = start;
    }

    public FakeScheduler() {
        this(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(now + Math.max(0, delay.toNanos()), seq++, task, cancelled));
        return () -> {
            synchronized (FakeScheduler.this) {
                boolean was = !cancelled[0];
                cancelled[0] = true;
                return was;
            }
        };
    }

    /** Moves the clock forward, running every task that falls due (including ones scheduled meanwhile). */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNanos > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.dueNanos;
                if (next.cancelled[0]) {
                    continue;
                }
                next.cancelled[0] = true;
            }
            next.body.run();
        }
    }

    /** Number of tasks waiting (cancelled ones excluded). */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled[0]).count();
    }

    @Override
    public InstantSource clock() {
        return () -> {
            synchronized (FakeScheduler.this) {
                return epoch.plusNanos(now);
            }
        };
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }
}
