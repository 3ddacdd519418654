package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.transport.Peer;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.2, on a fake clock. */
class NonInviteServerTransactionTest {
    private final Fixture f = new Fixture();
    private final SipRequest options = Msg.request(Method.OPTIONS, TransactionLayer.newBranch());

    private NonInviteServerTransaction receive(Peer from) {
        f.layer.onMessage(options, from);
        return (NonInviteServerTransaction) f.tu.lastTx();
    }

    @Test
    void retransmissionBeforeAnyResponse_isAbsorbedSilently() {
        NonInviteServerTransaction tx = receive(Msg.PHONE);
        f.layer.onMessage(options, Msg.PHONE);
        f.at(1);
        assertThat(f.transport.sent()).isEmpty();
        assertThat(f.tu.events).containsExactly("request OPTIONS");
        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TRYING);
    }

    @Test
    void retransmissions_getTheLastProvisional_thenTheFinal_untilTimerJ() {
        NonInviteServerTransaction tx = receive(Msg.PHONE);
        tx.respond(Msg.response(options, 100, null));
        f.layer.onMessage(options, Msg.PHONE);
        tx.respond(Msg.response(options, 200, "t1"));
        f.at(10);
        f.layer.onMessage(options, Msg.PHONE);
        assertThat(f.transport.sent()).extracting(s -> s.response().status()).containsExactly(100, 100, 200, 200);
        assertThat(f.transport.sent()).allSatisfy(s -> assertThat(s.to()).isEqualTo(Msg.PHONE));
        tx.respond(Msg.response(options, 500, "t1"));
        assertThat(f.transport.sent()).hasSize(4);
        assertThat(f.stats().responsesDropped()).isEqualTo(1);

        f.at(31.9);
        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.COMPLETED);
        f.at(32);
        assertThat(tx.isTerminated()).isTrue();
        f.layer.onMessage(options, Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request OPTIONS", "request OPTIONS");
    }

    @Test
    void finalOverTcp_terminatesAtOnce() {
        NonInviteServerTransaction tx = receive(Msg.PHONE_TCP);
        tx.respond(Msg.response(options, 200, "t1"));
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.stats().openByState()).isEmpty();
    }

    @Test
    void openTransactions_areCountedByMachineAndState() {
        receive(Msg.PHONE);
        f.layer.onMessage(Msg.invite(TransactionLayer.newBranch()), Msg.PHONE);
        f.layer.send(Msg.request(Method.BYE, TransactionLayer.newBranch()), Msg.TRUNK, new RecordingListener());
        assertThat(f.stats().openByState()).containsOnly(
                java.util.Map.entry("non-invite-server.TRYING", 1),
                java.util.Map.entry("invite-server.PROCEEDING", 1),
                java.util.Map.entry("non-invite-client.TRYING", 1));
        assertThat(f.stats().created()).isEqualTo(3);
        f.layer.close();
        assertThat(f.stats().openByState()).isEmpty();
        assertThat(f.clock.pending()).isZero();
    }
}
