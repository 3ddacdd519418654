package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.transport.TransportKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 3261 Table 4. */
class SipTimersTest {
    private static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void defaults_areTheRfc3261Values() {
        SipTimers t = new SipTimers();
        assertThat(t.t1()).isEqualTo(s(0.5));
        assertThat(t.t2()).isEqualTo(s(4));
        assertThat(t.t4()).isEqualTo(s(5));
        assertThat(t.timerB()).isEqualTo(s(32));
        assertThat(t.timerF()).isEqualTo(s(32));
        assertThat(t.timerH()).isEqualTo(s(32));
        assertThat(t.timerJ(TransportKind.UDP)).isEqualTo(s(32));
        assertThat(t.timerD(TransportKind.UDP)).isEqualTo(s(32));
        assertThat(t.timerI(TransportKind.UDP)).isEqualTo(s(5));
        assertThat(t.timerK(TransportKind.UDP)).isEqualTo(s(5));
        assertThat(t.timerL()).isEqualTo(s(32));
        assertThat(t.timerM()).isEqualTo(s(32));
        assertThat(t.tryingDelay()).isEqualTo(s(0.2));
    }

    @Test
    void reliableTransport_hasZeroWaitTimers() {
        SipTimers t = SipTimers.RFC_3261;
        assertThat(t.timerD(TransportKind.TCP)).isZero();
        assertThat(t.timerI(TransportKind.TCP)).isZero();
        assertThat(t.timerJ(TransportKind.TCP)).isZero();
        assertThat(t.timerK(TransportKind.TCP)).isZero();
    }

    @Test
    void retransmitInterval_doubles_cappedAtT2OnlyWhenAsked() {
        SipTimers t = SipTimers.RFC_3261;
        assertThat(t.nextRetransmit(s(2), true)).isEqualTo(s(4));
        assertThat(t.nextRetransmit(s(4), true)).isEqualTo(s(4));
        assertThat(t.nextRetransmit(s(16), false)).isEqualTo(s(32));
    }

    @Test
    void anotherT1_scalesTheDerivedTimersButNotTimerD() {
        SipTimers t = new SipTimers(Duration.ofMillis(100));
        assertThat(t.timerB()).isEqualTo(s(6.4));
        assertThat(t.timerA()).isEqualTo(s(0.1));
        assertThat(t.timerD(TransportKind.UDP)).isEqualTo(s(32));
    }

    @Test
    void nonsenseValues_areRefused() {
        assertThatThrownBy(() -> new SipTimers(Duration.ZERO)).hasMessageContaining("T1");
        assertThatThrownBy(() -> new SipTimers(s(5), s(4), s(5))).hasMessageContaining("T2");
    }
}
