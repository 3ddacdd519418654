package io.callvault.sip.transaction;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.time.Duration;

/**
 * The non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6):
 *
 * <pre>
 *  TRYING     --Timer E---&gt; TRYING       retransmit over UDP, interval doubles up to T2
 *  TRYING/PROCEEDING --1xx------&gt; PROCEEDING  onResponse
 *  PROCEEDING --Timer E---&gt; PROCEEDING   retransmit, interval T2
 *  TRYING/PROCEEDING --200-699--&gt; COMPLETED   onResponse; Timer K
 *  TRYING/PROCEEDING --Timer F--&gt; TERMINATED  onTimeout
 *  TRYING/PROCEEDING --transport error--&gt; TERMINATED  onTransportError
 *  COMPLETED  --any response--&gt; COMPLETED  absorbed
 *  COMPLETED  --Timer K---&gt; TERMINATED   (T4 UDP, at once over TCP)
 * </pre>
 */
final class NonInviteClientTransaction extends Transaction implements ClientTransaction {
    enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private enum Event { PROVISIONAL, FINAL, TIMER_E, TIMER_F, TIMER_K, TRANSPORT_ERROR }

    private final ClientListener listener;
    private volatile State state = State.TRYING;
    private Duration intervalE; // guarded by lock

    NonInviteClientTransaction(TxContext ctx, TransactionKey.Client key, SipRequest request, Peer peer,
            ClientListener listener) {
        super(ctx, key, request, peer);
        this.listener = listener;
    }

    void start() {
        locked(() -> {
            transmit(request, peer);
            if (!peer.transport().isReliable()) {
                intervalE = ctx.timers().timerE();
                startTimer(TimerName.E, intervalE);
            }
            startTimer(TimerName.F, ctx.timers().timerF());
        });
    }

    void onResponse(SipResponse response) {
        locked(() -> fire(response.isProvisional() ? Event.PROVISIONAL : Event.FINAL, response, null));
    }

    @Override
    void onTimer(TimerName timer) {
        switch (timer) {
            case E -> fire(Event.TIMER_E, null, null);
            case F -> fire(Event.TIMER_F, null, null);
            case K -> fire(Event.TIMER_K, null, null);
            default -> throw new IllegalStateException("timer " + timer + " is not a non-INVITE client timer");
        }
    }

    @Override
    void onTransportError(IOException error) {
        fire(Event.TRANSPORT_ERROR, null, error);
    }

    /** Every transition of Figure 6, under the lock. */
    private void fire(Event event, SipResponse response, IOException error) {
        State s = state;
        boolean active = s == State.TRYING || s == State.PROCEEDING;
        switch (event) {
            case PROVISIONAL -> {
                if (active) {
                    state = State.PROCEEDING;
                    defer(() -> listener.onResponse(response));
                } else if (s == State.COMPLETED) {
                    ctx.counters().retransmissionsReceived.increment();
                }
            }
            case FINAL -> {
                if (active) {
                    state = State.COMPLETED;
                    cancelTimer(TimerName.E);
                    cancelTimer(TimerName.F);
                    defer(() -> listener.onResponse(response));
                    waitThenTerminate(TimerName.K, ctx.timers().timerK(peer.transport()), this::terminate);
                } else if (s == State.COMPLETED) {
                    ctx.counters().retransmissionsReceived.increment();
                }
            }
            case TIMER_E -> {
                if (active) {
                    retransmit(request, peer);
                    intervalE = s == State.TRYING ? ctx.timers().nextRetransmit(intervalE, true) : ctx.timers().t2();
                    startTimer(TimerName.E, intervalE);
                }
            }
            case TIMER_F -> {
                if (active) {
                    ctx.counters().timeouts.increment();
                    terminate();
                    defer(listener::onTimeout);
                }
            }
            case TIMER_K -> {
                if (s == State.COMPLETED) {
                    terminate();
                }
            }
            case TRANSPORT_ERROR -> {
                if (active) {
                    terminate();
                    defer(() -> listener.onTransportError(error));
                }
            }
        }
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
        return "non-invite-client";
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
    public String toString() {
        return "NonInviteClientTransaction[" + key + ", " + state + "]";
    }
}
