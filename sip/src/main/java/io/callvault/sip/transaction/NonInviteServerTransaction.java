package io.callvault.sip.transaction;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.util.Optional;

/**
 * The non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8); also carries the layer's own answer
 * to a CANCEL (§9.2), in which case the TU never hears of it ({@code tuOwned} false).
 *
 * <pre>
 *  TRYING     --request---&gt; TRYING       absorbed (nothing to re-send yet)
 *  TRYING/PROCEEDING --TU 1xx---&gt; PROCEEDING  send, remember it
 *  PROCEEDING --request---&gt; PROCEEDING   re-send the last provisional
 *  TRYING/PROCEEDING --TU 200-699--&gt; COMPLETED  send; Timer J
 *  COMPLETED  --request---&gt; COMPLETED    re-send the final
 *  COMPLETED  --Timer J---&gt; TERMINATED   (64*T1 UDP, at once over TCP)
 *  any        --transport error--&gt; TERMINATED  onTransportError
 * </pre>
 */
final class NonInviteServerTransaction extends Transaction implements ServerTransaction {
    enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private enum Event { TU_PROVISIONAL, TU_FINAL, RETRANSMISSION, TIMER_J, TRANSPORT_ERROR }

    private final boolean tuOwned;
    private volatile State state = State.TRYING;
    private volatile SipResponse lastResponse; // written under lock

    NonInviteServerTransaction(TxContext ctx, TransactionKey.Server key, SipRequest request, Peer peer,
            boolean tuOwned) {
        super(ctx, key, request, peer);
        this.tuOwned = tuOwned;
    }

    /** Hands the request to the TU (unless the layer answers it itself). */
    void start() {
        if (tuOwned) {
            locked(() -> defer(() -> ctx.tu().onRequest(this, request)));
        }
    }

    @Override
    public void respond(SipResponse response) {
        Responses.checkCSeq(request, response);
        Event event = response.isProvisional() ? Event.TU_PROVISIONAL : Event.TU_FINAL;
        locked(() -> fire(event, response, null));
    }

    void onRetransmission() {
        locked(() -> fire(Event.RETRANSMISSION, null, null));
    }

    @Override
    void onTimer(TimerName timer) {
        if (timer != TimerName.J) {
            throw new IllegalStateException("timer " + timer + " is not a non-INVITE server timer");
        }
        fire(Event.TIMER_J, null, null);
    }

    @Override
    void onTransportError(IOException error) {
        fire(Event.TRANSPORT_ERROR, null, error);
    }

    /** Every transition of Figure 8, under the lock. */
    private void fire(Event event, SipResponse response, IOException error) {
        State s = state;
        boolean active = s == State.TRYING || s == State.PROCEEDING;
        switch (event) {
            case TU_PROVISIONAL -> {
                if (active) {
                    state = State.PROCEEDING;
                    send(response);
                } else {
                    ctx.counters().responsesDropped.increment();
                }
            }
            case TU_FINAL -> {
                if (active) {
                    state = State.COMPLETED;
                    send(response);
                    waitThenTerminate(TimerName.J, ctx.timers().timerJ(peer.transport()), this::terminate);
                } else {
                    ctx.counters().responsesDropped.increment();
                }
            }
            case RETRANSMISSION -> {
                ctx.counters().retransmissionsReceived.increment();
                if (s == State.PROCEEDING || s == State.COMPLETED) {
                    retransmit(lastResponse, peer);
                }
            }
            case TIMER_J -> {
                if (s == State.COMPLETED) {
                    terminate();
                }
            }
            case TRANSPORT_ERROR -> {
                if (s != State.TERMINATED) {
                    terminate();
                    if (tuOwned) {
                        defer(() -> ctx.tu().onTransportError(this, error));
                    }
                }
            }
        }
    }

    private void send(SipResponse response) {
        lastResponse = response;
        transmitResponse(response, peer);
    }

    private void terminate() {
        state = State.TERMINATED;
        release();
    }

    @Override
    void abandon() {
        terminate();
    }

    @Override
    String machine() {
        return "non-invite-server";
    }

    @Override
    String stateName() {
        return state.name();
    }

    State state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    public Optional<SipResponse> lastResponse() {
        return Optional.ofNullable(lastResponse);
    }

    @Override
    public String toString() {
        return "NonInviteServerTransaction[" + key + ", " + state + "]";
    }
}
