package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.transport.Peer;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.1.2, on a fake clock. */
class NonInviteClientTransactionTest {
    private final Fixture f = new Fixture();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest bye = Msg.request(Method.BYE, TransactionLayer.newBranch());

    private NonInviteClientTransaction start(Peer to) {
        return (NonInviteClientTransaction) f.layer.send(bye, to, listener);
    }

    @Test
    void udpRequestWithoutAnswer_retransmitsWithTimerECappedAtT2_thenTimesOutAtTimerF() {
        NonInviteClientTransaction tx = start(Msg.TRUNK);
        f.at(31.9);
        assertThat(f.transport.times())
                .containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        f.at(32);
        assertThat(listener.events).containsExactly("timeout");
        assertThat(tx.isTerminated()).isTrue();
        f.at(60);
        assertThat(f.transport.sent()).hasSize(11);
    }

    @Test
    void provisional_keepsRetransmittingAtT2_untilTheFinal() {
        NonInviteClientTransaction tx = start(Msg.TRUNK);
        f.at(0.2);
        f.layer.onMessage(Msg.response(bye, 100, null), Msg.TRUNK);
        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.PROCEEDING);
        f.at(9);
        assertThat(f.transport.times()).containsExactly(0.0, 0.5, 4.5, 8.5);
        f.layer.onMessage(Msg.response(bye, 200, "b1"), Msg.TRUNK);
        f.at(20);
        assertThat(f.transport.sent()).hasSize(4);
        assertThat(listener.events).containsExactly("response 100", "response 200");
    }

    @Test
    void provisionalOnly_stillTimesOutAtTimerF() {
        start(Msg.TRUNK);
        f.layer.onMessage(Msg.response(bye, 100, null), Msg.TRUNK);
        f.at(32);
        assertThat(listener.events).containsExactly("response 100", "timeout");
    }

    @Test
    void final_isPassedUpOnce_andRetransmissionsAbsorbedUntilTimerK() {
        NonInviteClientTransaction tx = start(Msg.TRUNK);
        f.at(1);
        f.layer.onMessage(Msg.response(bye, 200, "b1"), Msg.TRUNK);
        f.layer.onMessage(Msg.response(bye, 200, "b1"), Msg.TRUNK);
        f.at(5.9);
        f.layer.onMessage(Msg.response(bye, 200, "b1"), Msg.TRUNK);
        assertThat(listener.events).containsExactly("response 200");
        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.COMPLETED);
        assertThat(f.stats().retransmissionsReceived()).isEqualTo(2);
        f.at(6);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.transport.times()).containsExactly(0.0, 0.5);
    }

    @Test
    void tcpRequest_isNotRetransmitted_andTerminatesAtTheFinal() {
        NonInviteClientTransaction tx = start(Msg.TRUNK_TCP);
        f.at(10);
        f.layer.onMessage(Msg.response(bye, 481, "b1"), Msg.TRUNK_TCP);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.transport.times()).containsExactly(0.0);
        assertThat(listener.events).containsExactly("response 481");
    }

    @Test
    void transportError_isReportedAndTerminates() {
        f.transport.failSends(true);
        NonInviteClientTransaction tx = start(Msg.TRUNK);
        assertThat(listener.events).containsExactly("transport error");
        assertThat(tx.isTerminated()).isTrue();
        f.at(40);
        assertThat(listener.events).containsExactly("transport error");
    }
}
