package io.callvault.sip.transaction;

import io.callvault.testkit.FakeScheduler;
import java.time.Duration;

/** A transaction layer on a fake clock and a recording transport, with a recording TU. */
final class Fixture {
    final FakeScheduler clock = new FakeScheduler();
    final FakeTransport transport = new FakeTransport(clock);
    final RecordingTu tu = new RecordingTu();
    final TransactionLayer layer = new TransactionLayer(transport, clock, SipTimers.RFC_3261, tu);

    /** Moves the clock to {@code seconds} after the start. */
    void at(double seconds) {
        Duration target = Duration.ofMillis(Math.round(seconds * 1000));
        Duration now = Duration.ofNanos(clock.nanoTime());
        clock.advance(target.minus(now));
    }

    TransactionStats stats() {
        return layer.stats();
    }
}
