package io.callvault.sip.transaction;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The INVITE server transaction (RFC 3261 §17.2.1, Figure 7) with the RFC 6026 Accepted state (§7.1,
 * Figure 5):
 *
 * <pre>
 *  PROCEEDING --Timer TRYING (200 ms, no response yet)--&gt; PROCEEDING  send 100 Trying
 *  PROCEEDING --TU 1xx----&gt; PROCEEDING   send, remember it
 *  PROCEEDING --INVITE----&gt; PROCEEDING   re-send the last provisional (if any)
 *  PROCEEDING --TU 2xx----&gt; ACCEPTED     send; Timer L = 64*T1
 *  PROCEEDING --TU 300-699-&gt; COMPLETED   send; Timer G (UDP), Timer H
 *  ACCEPTED   --TU 2xx----&gt; ACCEPTED     send (the TU retransmits its 2xx, §13.3.1.4)
 *  ACCEPTED   --INVITE----&gt; ACCEPTED     absorbed
 *  ACCEPTED   --ACK-------&gt; ACCEPTED     passed to the TU (onAck)
 *  ACCEPTED   --Timer L---&gt; TERMINATED
 *  COMPLETED  --INVITE or Timer G--&gt; COMPLETED  re-send the final (G doubles up to T2)
 *  COMPLETED  --ACK-------&gt; CONFIRMED    absorbed; Timer I
 *  COMPLETED  --Timer H---&gt; TERMINATED   onAckTimeout
 *  CONFIRMED  --ACK/INVITE--&gt; CONFIRMED  absorbed
 *  CONFIRMED  --Timer I---&gt; TERMINATED   (T4 UDP, at once over TCP)
 *  any        --transport error--&gt; TERMINATED  onTransportError
 * </pre>
 */
final class InviteServerTransaction extends Transaction implements ServerTransaction {
    enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private enum Event {
        TU_PROVISIONAL, TU_SUCCESS, TU_FAILURE, RETRANSMISSION, ACK, TIMER_TRYING, TIMER_G, TIMER_H, TIMER_I,
        TIMER_L, TRANSPORT_ERROR
    }

    private volatile State state = State.PROCEEDING;
    private volatile SipResponse lastResponse; // written under lock
    private SipResponse lastProvisional; // guarded by lock
    private Duration intervalG; // guarded by lock
    private boolean cancelled; // guarded by lock

    InviteServerTransaction(TxContext ctx, TransactionKey.Server key, SipRequest request, Peer peer) {
        super(ctx, key, request, peer);
    }

    /** Arms the 100 Trying timer and hands the INVITE to the TU. */
    void start() {
        locked(() -> {
            startTimer(TimerName.TRYING, ctx.timers().tryingDelay());
            defer(() -> ctx.tu().onRequest(this, request));
        });
    }

    @Override
    public void respond(SipResponse response) {
        Responses.checkCSeq(request, response);
        Event event = response.isProvisional() ? Event.TU_PROVISIONAL
                : response.isSuccess() ? Event.TU_SUCCESS : Event.TU_FAILURE;
        locked(() -> fire(event, response, null, null, null));
    }

    /** A retransmitted INVITE (same key). */
    void onRetransmission() {
        locked(() -> fire(Event.RETRANSMISSION, null, null, null, null));
    }

    /** An ACK that matched this transaction (§17.2.3): for a non-2xx final, or, when Accepted, for the 2xx. */
    void onAck(SipRequest ack, Peer from) {
        locked(() -> fire(Event.ACK, null, ack, from, null));
    }

    /**
     * A CANCEL matched this INVITE (§9.2). True when the transaction was still Proceeding and not cancelled
     * before: the TU then hears {@code onCancel}, after its {@code onRequest}.
     */
    boolean cancel(SipRequest cancelRequest) {
        boolean[] first = {false};
        locked(() -> {
            if (state == State.PROCEEDING && !cancelled) {
                cancelled = true;
                first[0] = true;
                defer(() -> ctx.tu().onCancel(this, cancelRequest));
            }
        });
        return first[0];
    }

    /** The To tag of the last response sent, so the 200 to a CANCEL can carry the same one (§9.2). */
    Optional<String> toTag() {
        SipResponse last = lastResponse;
        return last == null ? Optional.empty() : last.to().tag();
    }

    @Override
    void onTimer(TimerName timer) {
        switch (timer) {
            case TRYING -> fire(Event.TIMER_TRYING, null, null, null, null);
            case G -> fire(Event.TIMER_G, null, null, null, null);
            case H -> fire(Event.TIMER_H, null, null, null, null);
            case I -> fire(Event.TIMER_I, null, null, null, null);
            case L -> fire(Event.TIMER_L, null, null, null, null);
            default -> throw new IllegalStateException("timer " + timer + " is not an INVITE server timer");
        }
    }

    @Override
    void onTransportError(IOException error) {
        fire(Event.TRANSPORT_ERROR, null, null, null, error);
    }

    /** Every transition of Figure 7 (with RFC 6026), under the lock. */
    private void fire(Event event, SipResponse response, SipRequest ack, Peer from, IOException error) {
        State s = state;
        switch (event) {
            case TIMER_TRYING -> {
                if (s == State.PROCEEDING && lastResponse == null) {
                    send(SipResponse.to(request, 100));
                    lastProvisional = lastResponse;
                }
            }
            case TU_PROVISIONAL -> {
                if (s == State.PROCEEDING) {
                    cancelTimer(TimerName.TRYING);
                    send(response);
                    lastProvisional = response;
                } else {
                    ctx.counters().responsesDropped.increment();
                }
            }
            case TU_SUCCESS -> {
                if (s == State.PROCEEDING) {
                    cancelTimer(TimerName.TRYING);
                    state = State.ACCEPTED;
                    send(response);
                    startTimer(TimerName.L, ctx.timers().timerL());
                } else if (s == State.ACCEPTED) {
                    send(response);
                } else {
                    ctx.counters().responsesDropped.increment();
                }
            }
            case TU_FAILURE -> {
                if (s == State.PROCEEDING) {
                    cancelTimer(TimerName.TRYING);
                    state = State.COMPLETED;
                    send(response);
                    if (!peer.transport().isReliable()) {
                        intervalG = ctx.timers().timerG();
                        startTimer(TimerName.G, intervalG);
                    }
                    startTimer(TimerName.H, ctx.timers().timerH());
                } else {
                    ctx.counters().responsesDropped.increment();
                }
            }
            case RETRANSMISSION -> {
                ctx.counters().retransmissionsReceived.increment();
                if (s == State.PROCEEDING && lastProvisional != null) {
                    retransmit(lastProvisional, peer);
                } else if (s == State.COMPLETED) {
                    retransmit(lastResponse, peer);
                }
            }
            case ACK -> {
                if (s == State.COMPLETED) {
                    state = State.CONFIRMED;
                    cancelTimer(TimerName.G);
                    cancelTimer(TimerName.H);
                    waitThenTerminate(TimerName.I, ctx.timers().timerI(peer.transport()), this::terminate);
                } else if (s == State.ACCEPTED) {
                    defer(() -> ctx.tu().onAck(ack, from));
                } else {
                    ctx.counters().retransmissionsReceived.increment();
                }
            }
            case TIMER_G -> {
                if (s == State.COMPLETED) {
                    retransmit(lastResponse, peer);
                    intervalG = ctx.timers().nextRetransmit(intervalG, true);
                    startTimer(TimerName.G, intervalG);
                }
            }
            case TIMER_H -> {
                if (s == State.COMPLETED) {
                    ctx.counters().timeouts.increment();
                    terminate();
                    defer(() -> ctx.tu().onAckTimeout(this));
                }
            }
            case TIMER_I -> {
                if (s == State.CONFIRMED) {
                    terminate();
                }
            }
            case TIMER_L -> {
                if (s == State.ACCEPTED) {
                    terminate();
                }
            }
            case TRANSPORT_ERROR -> {
                if (s != State.TERMINATED) {
                    terminate();
                    defer(() -> ctx.tu().onTransportError(this, error));
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
        return "invite-server";
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
        return "InviteServerTransaction[" + key + ", " + state + "]";
    }
}
