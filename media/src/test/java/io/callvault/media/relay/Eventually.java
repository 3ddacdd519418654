package io.callvault.media.relay;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Wait-until with a deadline: polls every 100 µs, fails with {@code what} when the time runs out. */
final class Eventually {
    private Eventually() {}

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(5), condition);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
