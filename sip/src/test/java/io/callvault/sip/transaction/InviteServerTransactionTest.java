package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.1 with RFC 6026 §7.1, on a fake clock. */
class InviteServerTransactionTest {
    private final Fixture f = new Fixture();
    private final SipRequest invite = Msg.invite(TransactionLayer.newBranch());

    private InviteServerTransaction receive(Peer from) {
        f.layer.onMessage(invite, from);
        return (InviteServerTransaction) f.tu.lastTx();
    }

    @Test
    void silentTu_gets100TryingSentForItAfter200ms() {
        InviteServerTransaction tx = receive(Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INVITE");
        f.at(0.199);
        assertThat(f.transport.sent()).isEmpty();
        f.at(0.2);
        assertThat(f.transport.sent()).singleElement().satisfies(s -> {
            assertThat(s.isResponse(100)).isTrue();
            assertThat(s.to()).isEqualTo(Msg.PHONE);
            assertThat(s.response().to().tag()).isEmpty();
        });
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.PROCEEDING);
    }

    @Test
    void tuAnsweringWithin200ms_getsNo100Trying() {
        f.tu.answering((tx, r) -> tx.respond(Msg.response(r, 180, "t1")));
        receive(Msg.PHONE);
        f.at(5);
        assertThat(f.transport.sent()).singleElement().satisfies(s -> assertThat(s.isResponse(180)).isTrue());
    }

    @Test
    void inviteRetransmission_getsTheLastProvisionalAgain_andNeverReachesTheTu() {
        receive(Msg.PHONE);
        f.layer.onMessage(invite, Msg.PHONE);
        assertThat(f.transport.sent()).isEmpty();
        f.tu.lastTx().respond(Msg.response(invite, 180, "t1"));
        f.layer.onMessage(invite, Msg.PHONE);
        assertThat(f.transport.sent()).extracting(s -> s.response().status()).containsExactly(180, 180);
        assertThat(f.tu.events).containsExactly("request INVITE");
        assertThat(f.stats().retransmissionsReceived()).isEqualTo(2);
    }

    @Test
    void failureFinal_isRetransmittedWithTimerG_untilTheAck_whichIsAbsorbedThroughTimerI() {
        InviteServerTransaction tx = receive(Msg.PHONE);
        SipResponse busy = Msg.response(invite, 486, "t1");
        tx.respond(busy);
        f.at(8);
        assertThat(f.transport.times()).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5);
        assertThat(f.transport.sent()).allSatisfy(s -> assertThat(s.message()).isEqualTo(busy));

        f.layer.onMessage(invite, Msg.PHONE);
        assertThat(f.transport.sent()).hasSize(6);
        SipRequest ack = Msg.ackFor(invite, busy);
        f.layer.onMessage(ack, Msg.PHONE);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        f.layer.onMessage(ack, Msg.PHONE);
        f.at(12.9);
        assertThat(f.transport.sent()).hasSize(6);
        assertThat(tx.isTerminated()).isFalse();
        f.at(13);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.tu.events).containsExactly("request INVITE");
    }

    @Test
    void failureFinalNeverAcknowledged_isRetransmittedCappedAtT2_thenTimerHTellsTheTu() {
        InviteServerTransaction tx = receive(Msg.PHONE);
        tx.respond(Msg.response(invite, 404, "t1"));
        f.at(31.9);
        assertThat(f.transport.times())
                .containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        f.at(32);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.tu.events).containsExactly("request INVITE", "ack timeout");
        assertThat(f.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void success_entersAccepted_whichAbsorbsInviteRetransmissionsAndPassesAcksUntilTimerL() {
        InviteServerTransaction tx = receive(Msg.PHONE);
        SipResponse ok = Msg.response(invite, 200, "t1");
        tx.respond(ok);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.ACCEPTED);
        f.at(0.5);
        f.layer.onMessage(invite, Msg.PHONE);
        assertThat(f.transport.sent()).hasSize(1);
        tx.respond(ok);
        assertThat(f.transport.sent()).hasSize(2);
        tx.respond(Msg.response(invite, 487, "t1"));
        assertThat(f.transport.sent()).hasSize(2);
        assertThat(f.stats().responsesDropped()).isEqualTo(1);

        SipRequest sameBranchAck = Msg.ackFor(invite, ok);
        f.layer.onMessage(sameBranchAck, Msg.PHONE);
        f.layer.onMessage(Msg.ackFor2xx(invite, ok, TransactionLayer.newBranch()), Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INVITE", "ack", "ack");
        f.at(31.9);
        assertThat(tx.isTerminated()).isFalse();
        assertThat(f.transport.sent()).hasSize(2);
        f.at(32);
        assertThat(tx.isTerminated()).isTrue();
        f.layer.onMessage(invite, Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INVITE", "ack", "ack", "request INVITE");
    }

    @Test
    void failureFinalOverTcp_isNotRetransmitted_andTheAckTerminatesAtOnce() {
        InviteServerTransaction tx = receive(Msg.PHONE_TCP);
        SipResponse busy = Msg.response(invite, 486, "t1");
        tx.respond(busy);
        f.at(10);
        assertThat(f.transport.sent()).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo(Msg.PHONE_TCP));
        f.layer.onMessage(Msg.ackFor(invite, busy), Msg.PHONE_TCP);
        assertThat(tx.isTerminated()).isTrue();
    }

    @Test
    void responseWithAnotherRequestsCSeq_isRefused() {
        InviteServerTransaction tx = receive(Msg.PHONE);
        SipRequest other = Msg.request(Method.INVITE, TransactionLayer.newBranch(), "192.0.2.10:5062", 2);
        assertThatThrownBy(() -> tx.respond(Msg.response(other, 200, "t1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CSeq");
    }

    @Test
    void responseTransportError_terminatesAndTellsTheTu() {
        InviteServerTransaction tx = receive(Msg.PHONE);
        f.transport.failSends(true);
        tx.respond(Msg.response(invite, 486, "t1"));
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.tu.events).containsExactly("request INVITE", "transport error");
    }

    @Test
    void tuCallbacks_runOutsideTheLock_evenWhenTheTuAnswersFromInsideOne() {
        f.tu.answering((tx, r) -> {
            tx.respond(Msg.response(r, 180, "t1"));
            tx.respond(Msg.response(r, 200, "t1"));
        });
        InviteServerTransaction tx = receive(Msg.PHONE);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.ACCEPTED);
        assertThat(f.transport.sent()).extracting(s -> s.response().status()).containsExactly(180, 200);
        assertThat(tx.lastResponse()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
    }
}
