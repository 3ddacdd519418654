package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.SipRequest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Races between a timer and a message on one transaction: the transaction's lock lets exactly one
 * transition win, and the TU hears a consistent story. Bounded: a fixed number of short rounds.
 */
class ConcurrencyTest {
    private static final int ROUNDS = 300;

    @Test
    void timerBRacingA200_endsInExactlyOneOutcome() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture f = new Fixture();
            RecordingListener listener = new RecordingListener();
            SipRequest invite = Msg.invite(TransactionLayer.newBranch());
            ClientTransaction tx = f.layer.send(invite, Msg.TRUNK, listener);
            f.at(31.9);
            CountDownLatch go = new CountDownLatch(1);
            Thread responder = Thread.ofPlatform().start(() -> {
                await(go);
                f.layer.onMessage(Msg.response(invite, 200, "b1"), Msg.TRUNK);
            });
            go.countDown();
            f.at(32);
            responder.join(TimeUnit.SECONDS.toMillis(5));

            List<String> events = listener.events;
            if (events.getFirst().equals("timeout")) {
                assertThat(events).containsExactly("timeout");
                assertThat(tx.isTerminated()).isTrue();
            } else {
                assertThat(events).containsExactly("response 200");
                assertThat(((InviteClientTransaction) tx).state()).isEqualTo(InviteClientTransaction.State.ACCEPTED);
            }
        }
    }

    @Test
    void tuAnsweringFromAnotherThread_whileRetransmissionsArrive_sendsEachFinalOnce() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture f = new Fixture();
            SipRequest invite = Msg.invite(TransactionLayer.newBranch());
            f.layer.onMessage(invite, Msg.PHONE);
            ServerTransaction tx = f.tu.lastTx();
            Thread tu = Thread.ofPlatform().start(() -> tx.respond(Msg.response(invite, 486, "t1")));
            for (int i = 0; i < 5; i++) {
                f.layer.onMessage(invite, Msg.PHONE);
            }
            tu.join(TimeUnit.SECONDS.toMillis(5));
            f.layer.onMessage(invite, Msg.PHONE);
            assertThat(f.transport.sent()).extracting(s -> s.response().status()).containsOnly(486)
                    .hasSizeBetween(2, 7);
            assertThat(f.stats().retransmissionsReceived()).isEqualTo(6);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
