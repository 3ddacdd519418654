package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.Via;
import org.junit.jupiter.api.Test;

/** Matching of requests (§17.2.3, with the RFC 2543 fallback) and responses (§17.1.3). */
class MatchingTest {
    private final Fixture f = new Fixture();

    @Test
    void sameBranchFromAnotherSentBy_isAnotherTransaction() {
        String branch = TransactionLayer.newBranch();
        f.layer.onMessage(Msg.request(Method.OPTIONS, branch, "192.0.2.10:5062", 1), Msg.PHONE);
        f.layer.onMessage(Msg.request(Method.OPTIONS, branch, "192.0.2.99:5062", 1), Msg.PHONE);
        f.layer.onMessage(Msg.request(Method.OPTIONS, branch, "192.0.2.10", 1), Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request OPTIONS", "request OPTIONS", "request OPTIONS");
    }

    @Test
    void defaultPortAndHostCase_matchTheSameSentBy() {
        String branch = TransactionLayer.newBranch();
        f.layer.onMessage(Msg.request(Method.OPTIONS, branch, "phone.example.com", 1), Msg.PHONE);
        f.layer.onMessage(Msg.request(Method.OPTIONS, branch.toUpperCase().replace("Z9HG4BK", "z9hG4bK"),
                "PHONE.example.com:5060", 1), Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request OPTIONS");
        assertThat(f.stats().retransmissionsReceived()).isEqualTo(1);
    }

    @Test
    void mergedRequest_withAnotherBranch_isANewTransactionForTheTuToDetect() {
        f.layer.onMessage(Msg.invite(TransactionLayer.newBranch()), Msg.PHONE);
        f.layer.onMessage(Msg.invite(TransactionLayer.newBranch()), Msg.PHONE);
        assertThat(f.tu.transactions).hasSize(2);
        assertThat(f.tu.transactions.get(0).request().callId()).isEqualTo(f.tu.transactions.get(1).request().callId());
    }

    @Test
    void sameBranchDifferentMethod_isAnotherTransaction() {
        String branch = TransactionLayer.newBranch();
        f.layer.onMessage(Msg.request(Method.INFO, branch), Msg.PHONE);
        f.layer.onMessage(Msg.request(Method.MESSAGE, branch), Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INFO", "request MESSAGE");
    }

    @Test
    void rfc2543Request_retransmissionAndAck_matchItsTransaction() {
        SipRequest invite = Msg.invite("old-style-1");
        f.layer.onMessage(invite, Msg.PHONE);
        ServerTransaction tx = f.tu.lastTx();
        SipResponse busy = Msg.response(invite, 486, "t1");
        tx.respond(busy);
        f.layer.onMessage(invite, Msg.PHONE);
        f.layer.onMessage(Msg.ackFor(invite, busy), Msg.PHONE);
        assertThat(f.tu.events).containsExactly("request INVITE");
        assertThat(((InviteServerTransaction) tx).state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        assertThat(f.transport.sent()).extracting(s -> s.response().status()).containsExactly(486, 486);
    }

    @Test
    void rfc2543Requests_differingInCSeq_areDifferentTransactions() {
        f.layer.onMessage(Msg.request(Method.OPTIONS, "same", "192.0.2.10:5062", 1), Msg.PHONE);
        f.layer.onMessage(Msg.request(Method.OPTIONS, "same", "192.0.2.10:5062", 2), Msg.PHONE);
        assertThat(f.tu.transactions).hasSize(2);
    }

    @Test
    void responses_matchByBranchAndCSeqMethod() {
        RecordingListener inviteListener = new RecordingListener();
        RecordingListener cancelListener = new RecordingListener();
        SipRequest invite = Msg.invite(TransactionLayer.newBranch());
        SipRequest cancel = Msg.cancelFor(invite);
        f.layer.send(invite, Msg.TRUNK, inviteListener);
        f.layer.send(cancel, Msg.TRUNK, cancelListener);
        f.layer.onMessage(Msg.response(cancel, 200, "b1"), Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 487, "b1"), Msg.TRUNK);
        assertThat(cancelListener.events).containsExactly("response 200");
        assertThat(inviteListener.events).containsExactly("response 487");
    }

    @Test
    void responseForAnotherBranch_isStray_andOnlyInvite2xxReachTheTu() {
        SipRequest invite = Msg.invite(TransactionLayer.newBranch());
        SipRequest bye = Msg.request(Method.BYE, TransactionLayer.newBranch());
        f.layer.onMessage(Msg.response(bye, 200, "b1"), Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 180, "b1"), Msg.TRUNK);
        f.layer.onMessage(Msg.response(invite, 200, "b1"), Msg.TRUNK);
        SipResponse noBranch = Msg.response(invite, 200, "b1");
        noBranch = noBranch.withHeaders(noBranch.headers().withOnly("Via", "SIP/2.0/UDP 192.0.2.10:5062"));
        f.layer.onMessage(noBranch, Msg.TRUNK);
        assertThat(f.tu.events).containsExactly("stray 200", "stray 200");
        assertThat(f.stats().strayResponses()).isEqualTo(4);
    }

    @Test
    void ackForA2xx_withItsOwnBranch_goesStraightToTheTu() {
        SipRequest invite = Msg.invite(TransactionLayer.newBranch());
        f.layer.onMessage(Msg.ackFor2xx(invite, Msg.response(invite, 200, "t1"), TransactionLayer.newBranch()),
                Msg.PHONE);
        assertThat(f.tu.events).containsExactly("ack");
        assertThat(f.tu.acks.get(0).method()).isEqualTo(Method.ACK);
    }

    @Test
    void send_refusesAcksRequestsWithoutCookieAndReusedBranches() {
        SipRequest invite = Msg.invite(TransactionLayer.newBranch());
        RecordingListener l = new RecordingListener();
        assertThatThrownBy(() -> f.layer.send(Msg.ackFor(invite, Msg.response(invite, 486, "t")), Msg.TRUNK, l))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendStateless");
        assertThatThrownBy(() -> f.layer.send(Msg.invite("no-cookie"), Msg.TRUNK, l))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newBranch");
        f.layer.send(invite, Msg.TRUNK, l);
        assertThatThrownBy(() -> f.layer.send(invite, Msg.TRUNK, l))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("new branch");
    }

    @Test
    void newBranch_hasTheMagicCookieAndIsUnique() {
        String a = TransactionLayer.newBranch();
        assertThat(a).startsWith(Via.MAGIC_COOKIE).hasSize(Via.MAGIC_COOKIE.length() + 32);
        assertThat(Via.parse("SIP/2.0/UDP h;branch=" + a).hasRfc3261Branch()).isTrue();
        assertThat(TransactionLayer.newBranch()).isNotEqualTo(a);
    }

    @Test
    void sendStateless_sendsWithoutATransaction() {
        SipRequest invite = Msg.invite(TransactionLayer.newBranch());
        SipRequest ack = Msg.ackFor2xx(invite, Msg.response(invite, 200, "t1"), TransactionLayer.newBranch());
        f.layer.sendStateless(ack, Msg.TRUNK);
        assertThat(f.transport.sent()).singleElement().satisfies(s -> assertThat(s.message()).isEqualTo(ack));
        assertThat(f.stats().openByState()).isEmpty();
        f.transport.failSends(true);
        f.layer.sendStateless(ack, Msg.TRUNK);
        assertThat(f.stats().transportErrors()).isEqualTo(1);
    }
}
