package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.1.1 with RFC 6026 §7.2, on a fake clock. */
class InviteClientTransactionTest {
    private final Fixture f = new Fixture();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest invite = Msg.invite(TransactionLayer.newBranch());

    private InviteClientTransaction start(io.callvault.sip.transport.Peer to) {
        return (InviteClientTransaction) f.layer.send(invite, to, listener);
    }

    @Test
    void udpInviteWithoutAnswer_retransmitsAtTimerAScheduleThenTimesOutAtTimerB() {
        InviteClientTransaction tx = start(Msg.TRUNK);
        f.at(31.9);
        assertThat(f.transport.times()).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5);
        assertThat(listener.events).isEmpty();
        f.at(32);
        assertThat(listener.events).containsExactly("timeout");
        assertThat(tx.isTerminated()).isTrue();
        f.at(100);
        assertThat(f.transport.sent()).hasSize(7).allSatisfy(s -> assertThat(s.message()).isEqualTo(invite));
        assertThat(f.stats().timeouts()).isEqualTo(1);
        assertThat(f.stats().retransmissionsSent()).isEqualTo(6);
        assertThat(f.stats().openByState()).isEmpty();
    }

    @Test
    void tcpInviteWithoutAnswer_isNotRetransmitted_andTimesOutAtTimerB() {
        start(Msg.TRUNK_TCP);
        f.at(31.9);
        assertThat(f.transport.times()).containsExactly(0.0);
        f.at(32);
        assertThat(listener.events).containsExactly("timeout");
    }

    @Test
    void provisional_stopsRetransmissionsAndTimerB_andIsPassedUp() {
        InviteClientTransaction tx = start(Msg.TRUNK);
        f.at(0.7);
        f.layer.onMessage(Msg.response(invite, 180, "b1"), Msg.TRUNK);
        f.at(60);
        assertThat(f.transport.times()).containsExactly(0.0, 0.5);
        assertThat(listener.events).containsExactly("response 180");
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.PROCEEDING);
        assertThat(f.stats().openByState()).containsEntry("invite-client.PROCEEDING", 1);
    }

    @Test
    void failureFinal_isAcknowledgedPerRfc17113_andRetransmissionsAbsorbedUntilTimerD() {
        InviteClientTransaction tx = start(Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 180, "b1"), Msg.TRUNK);
        SipResponse busy = Msg.response(invite, 486, "b1");
        f.at(2);
        f.layer.onMessage(busy, Msg.TRUNK);

        SipRequest ack = f.transport.last().request();
        assertThat(f.transport.last().to()).isEqualTo(Msg.TRUNK);
        assertThat(ack.method()).isEqualTo(Method.ACK);
        assertThat(ack.requestUri()).isEqualTo(invite.requestUri());
        assertThat(ack.callId()).isEqualTo(invite.callId());
        assertThat(ack.from()).isEqualTo(invite.from());
        assertThat(ack.to().tag()).contains("b1");
        assertThat(ack.cseq().number()).isEqualTo(invite.cseq().number());
        assertThat(ack.cseq().method()).isEqualTo(Method.ACK);
        assertThat(ack.headers().all("Via")).containsExactly(invite.headers().first("Via").orElseThrow());
        assertThat(ack.headers().all("Route")).isEqualTo(invite.headers().all("Route"));
        assertThat(ack.headers().contains("Contact")).isFalse();
        assertThat(ack.body().isEmpty()).isTrue();
        assertThat(listener.events).containsExactly("response 180", "response 486");
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.COMPLETED);

        f.at(3);
        f.layer.onMessage(busy, Msg.TRUNK);
        assertThat(f.transport.sent()).filteredOn(s -> s.message().equals(ack)).hasSize(2);
        assertThat(listener.events).containsExactly("response 180", "response 486");
        assertThat(f.stats().retransmissionsReceived()).isEqualTo(1);

        f.at(2 + 31.9);
        assertThat(tx.isTerminated()).isFalse();
        f.at(2 + 32);
        assertThat(tx.isTerminated()).isTrue();
        f.layer.onMessage(busy, Msg.TRUNK);
        assertThat(f.stats().strayResponses()).isEqualTo(1);
        assertThat(f.tu.strays).isEmpty();
    }

    @Test
    void failureFinalOverTcp_terminatesAtOnceAfterTheAck() {
        InviteClientTransaction tx = start(Msg.TRUNK_TCP);
        f.layer.onMessage(Msg.response(invite, 603, "b1"), Msg.TRUNK_TCP);
        assertThat(f.transport.last().request().method()).isEqualTo(Method.ACK);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(listener.events).containsExactly("response 603");
    }

    @Test
    void success_isPassedUpEveryTimeWhileAccepted_andNeverAcknowledgedByTheLayer() {
        InviteClientTransaction tx = start(Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 200, "b1"), Msg.TRUNK);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.ACCEPTED);
        f.at(1);
        f.layer.onMessage(Msg.response(invite, 200, "b1"), Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 200, "fork2"), Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 486, "fork3"), Msg.TRUNK);
        assertThat(listener.responses).extracting(r -> r.to().tag().orElseThrow())
                .containsExactly("b1", "b1", "fork2");
        f.at(31.9);
        assertThat(f.transport.sent()).hasSize(1);
        assertThat(tx.isTerminated()).isFalse();
        f.at(32);
        assertThat(tx.isTerminated()).isTrue();
        f.layer.onMessage(Msg.response(invite, 200, "b1"), Msg.TRUNK);
        assertThat(f.tu.events).containsExactly("stray 200");
        assertThat(listener.events).doesNotContain("timeout");
    }

    @Test
    void transportError_isReportedOnce_andTerminates() {
        f.transport.failSends(true);
        InviteClientTransaction tx = start(Msg.TRUNK);
        f.at(40);
        assertThat(listener.events).containsExactly("transport error");
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.stats().transportErrors()).isEqualTo(1);
    }
}
