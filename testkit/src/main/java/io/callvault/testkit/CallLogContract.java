package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.Direction;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CallLog;
import io.callvault.vault.spi.CallRecord;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link CallLog} contract; subclass once per implementation. */
public abstract class CallLogContract {
    protected CallLog log;

    protected abstract CallLog newCallLog() throws Exception;

    @BeforeEach
    void setUpLog() throws Exception {
        log = newCallLog();
    }

    static CallRecord call(String callId, String start, boolean answered) {
        Instant s = Instant.parse(start);
        return new CallRecord(callId, "201", "Alice", "+14155550123", "", Direction.OUT, s,
                answered ? Optional.of(s.plusSeconds(3)) : Optional.empty(), s.plusSeconds(30),
                answered ? "answered" : "no-answer", answered ? 200 : 480, "caller",
                answered ? Optional.of(RecordingId.parse("3f2c9a1e-8d4b-4c1a-9e2f-0b7d6c5a4e31")) : Optional.empty());
    }

    @Test
    void add_thenFindByCallId_returnsEveryField() throws Exception {
        CallRecord answered = call("c1@host", "2026-11-30T09:00:00Z", true);
        CallRecord missed = call("c2@host", "2026-11-30T09:05:00Z", false);
        log.add(answered);
        log.add(missed);
        assertThat(log.byCallId("c1@host")).containsExactly(answered);
        assertThat(log.byCallId("c2@host")).containsExactly(missed);
        assertThat(log.byCallId("none")).isEmpty();
        assertThat(answered.talkMillis()).isEqualTo(27_000);
        assertThat(missed.talkMillis()).isZero();
    }

    @Test
    void recent_isNewestFirst_andPaged() throws Exception {
        log.add(call("a", "2026-11-30T09:00:00Z", true));
        log.add(call("c", "2026-11-30T11:00:00Z", true));
        log.add(call("b", "2026-11-30T10:00:00Z", false));
        assertThat(log.recent(0, 10)).extracting(CallRecord::callId).containsExactly("c", "b", "a");
        assertThat(log.recent(1, 1)).extracting(CallRecord::callId).containsExactly("b");
    }

    @Test
    void alerts_roundTripInOrder() throws Exception {
        CallRecord alerted = call("al@host", "2026-11-30T12:00:00Z", true)
                .withAlerts(java.util.List.of("recording paused for more than 600 s", "second alert"));
        log.add(alerted);
        assertThat(log.byCallId("al@host")).singleElement().satisfies(c ->
                assertThat(c.alerts()).containsExactly("recording paused for more than 600 s", "second alert"));
    }

    @Test
    void alertWithALineBreak_isRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call("x", "2026-11-30T12:00:00Z", true)
                .withAlerts(java.util.List.of("two\nlines"))).isInstanceOf(IllegalArgumentException.class);
    }
}
