package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeSchedulerTest {
    @Test
    void advance_runsDueTasksInOrder_includingOnesScheduledByTasks() {
        FakeScheduler s = new FakeScheduler();
        List<String> ran = new ArrayList<>();
        s.schedule(Duration.ofMillis(500), () -> ran.add("T1"));
        s.schedule(Duration.ofMillis(100), () -> {
            ran.add("early");
            s.schedule(Duration.ofMillis(100), () -> ran.add("chained"));
        });
        s.schedule(Duration.ofSeconds(32), () -> ran.add("timerB"));

        s.advance(Duration.ofMillis(500));

        assertThat(ran).containsExactly("early", "chained", "T1");
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.nanoTime()).isEqualTo(Duration.ofMillis(500).toNanos());
    }

    @Test
    void cancelledTask_neverRuns_andCancelReportsIt() {
        FakeScheduler s = new FakeScheduler();
        List<String> ran = new ArrayList<>();
        var handle = s.schedule(Duration.ofSeconds(1), () -> ran.add("x"));
        assertThat(handle.cancel()).isTrue();
        assertThat(handle.cancel()).isFalse();
        s.advance(Duration.ofSeconds(2));
        assertThat(ran).isEmpty();
        assertThat(s.clock().instant()).isEqualTo(java.time.Instant.parse("2026-11-30T09:00:02Z"));
    }
}
