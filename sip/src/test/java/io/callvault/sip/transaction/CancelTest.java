package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

/** CANCEL on the server side (RFC 3261 §9.2): the layer answers it; the TU cancels the INVITE. */
class CancelTest {
    private final Fixture f = new Fixture();
    private final SipRequest invite = Msg.invite(TransactionLayer.newBranch());
    private final SipRequest cancel = Msg.cancelFor(invite);

    @Test
    void cancelWhileProceeding_isAnswered200_andTheTuAnswers487_whoseAckIsAbsorbed() {
        f.tu.answering((tx, r) -> {
            if (r.method().equals(Method.INVITE)) {
                tx.respond(Msg.response(r, 180, "t1"));
            }
        });
        f.layer.onMessage(invite, Msg.PHONE);
        ServerTransaction inviteTx = f.tu.lastTx();
        f.layer.onMessage(cancel, Msg.PHONE);

        SipResponse ok = f.transport.last().response();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.cseq().method()).isEqualTo(Method.CANCEL);
        assertThat(ok.to().tag()).contains("t1");
        assertThat(f.transport.last().to()).isEqualTo(Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INVITE", "cancel");

        SipResponse terminated = Msg.response(invite, 487, "t1");
        inviteTx.respond(terminated);
        f.layer.onMessage(Msg.ackFor(invite, terminated), Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INVITE", "cancel");
        assertThat(((InviteServerTransaction) inviteTx).state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
    }

    @Test
    void cancelRetransmission_getsThe200Again_andTheTuHearsOnce() {
        f.layer.onMessage(invite, Msg.PHONE);
        f.layer.onMessage(cancel, Msg.PHONE);
        f.layer.onMessage(cancel, Msg.PHONE);
        assertThat(f.transport.sent()).filteredOn(s -> s.isResponse(200)).hasSize(2)
                .extracting(s -> s.response()).containsOnly(f.transport.last().response());
        assertThat(f.tu.events).containsExactly("request INVITE", "cancel");
    }

    @Test
    void cancelWithoutItsInvite_isAnswered481() {
        f.layer.onMessage(cancel, Msg.PHONE);
        assertThat(f.transport.sent()).singleElement().satisfies(s -> {
            assertThat(s.response().status()).isEqualTo(481);
            assertThat(s.response().to().tag()).isPresent();
        });
        assertThat(f.tu.events).isEmpty();
        assertThat(f.stats().unmatchedCancels()).isEqualTo(1);
    }

    @Test
    void cancelAfterTheFinal_isAnswered200ButHasNoEffect() {
        f.layer.onMessage(invite, Msg.PHONE);
        f.tu.lastTx().respond(Msg.response(invite, 200, "t1"));
        f.layer.onMessage(cancel, Msg.PHONE);
        assertThat(f.transport.last().response().status()).isEqualTo(200);
        assertThat(f.transport.last().response().cseq().method()).isEqualTo(Method.CANCEL);
        assertThat(f.tu.events).containsExactly("request INVITE");
    }

    @Test
    void cancelOverUdp_isItsOwnTransaction_thatEndsWithTimerJ() {
        f.layer.onMessage(invite, Msg.PHONE);
        f.layer.onMessage(cancel, Msg.PHONE);
        assertThat(f.stats().openByState()).containsEntry("non-invite-server.COMPLETED", 1);
        f.at(32);
        assertThat(f.stats().openByState()).doesNotContainKey("non-invite-server.COMPLETED");
    }
}
