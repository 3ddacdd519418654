package io.callvault.sip.transaction;

import io.callvault.sip.message.Body;
import io.callvault.sip.message.CSeq;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Headers;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The INVITE client transaction (RFC 3261 §17.1.1, Figure 5) with the RFC 6026 Accepted state (§7.2,
 * Figure 3):
 *
 * <pre>
 *  CALLING    --1xx-------&gt; PROCEEDING   (Timer A stops; B is ignored from now on)
 *  CALLING    --Timer A---&gt; CALLING      retransmit over UDP, interval doubles (no cap)
 *  CALLING    --Timer B---&gt; TERMINATED   onTimeout
 *  CALLING/PROCEEDING --2xx-----&gt; ACCEPTED    onResponse; Timer M = 64*T1
 *  CALLING/PROCEEDING --300-699-&gt; COMPLETED   send ACK (§17.1.1.3), onResponse; Timer D
 *  ACCEPTED   --2xx-------&gt; ACCEPTED     onResponse again (retransmission or another fork: the TU ACKs)
 *  ACCEPTED   --Timer M---&gt; TERMINATED
 *  COMPLETED  --300-699---&gt; COMPLETED    send the ACK again, absorb
 *  COMPLETED  --Timer D---&gt; TERMINATED   (32 s UDP, at once over TCP)
 *  any before a final --transport error--&gt; TERMINATED  onTransportError
 * </pre>
 *
 * A proceeding INVITE has no timer here (Timer C is a proxy's); the TU bounds ringing time itself.
 */
final class InviteClientTransaction extends Transaction implements ClientTransaction {
    enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private enum Event { PROVISIONAL, SUCCESS, FAILURE, TIMER_A, TIMER_B, TIMER_D, TIMER_M, TRANSPORT_ERROR }

    private final ClientListener listener;
    private volatile State state = State.CALLING;
    private Duration intervalA; // guarded by lock
    private SipRequest ack; // guarded by lock; built for the first non-2xx final

    InviteClientTransaction(TxContext ctx, TransactionKey.Client key, SipRequest request, Peer peer,
            ClientListener listener) {
        super(ctx, key, request, peer);
        this.listener = listener;
    }

    void start() {
        locked(() -> {
            transmit(request, peer);
            if (!peer.transport().isReliable()) {
                intervalA = ctx.timers().timerA();
                startTimer(TimerName.A, intervalA);
            }
            startTimer(TimerName.B, ctx.timers().timerB());
        });
    }

    void onResponse(SipResponse response) {
        Event event = response.isProvisional() ? Event.PROVISIONAL
                : response.isSuccess() ? Event.SUCCESS : Event.FAILURE;
        locked(() -> fire(event, response, null));
    }

    @Override
    void onTimer(TimerName timer) {
        switch (timer) {
            case A -> fire(Event.TIMER_A, null, null);
            case B -> fire(Event.TIMER_B, null, null);
            case D -> fire(Event.TIMER_D, null, null);
            case M -> fire(Event.TIMER_M, null, null);
            default -> throw new IllegalStateException("timer " + timer + " is not an INVITE client timer");
        }
    }

    @Override
    void onTransportError(IOException error) {
        fire(Event.TRANSPORT_ERROR, null, error);
    }

    /** Every transition of Figure 5 (with RFC 6026), under the lock. */
    private void fire(Event event, SipResponse response, IOException error) {
        State s = state;
        switch (event) {
            case PROVISIONAL -> {
                if (s == State.CALLING || s == State.PROCEEDING) {
                    state = State.PROCEEDING;
                    cancelTimer(TimerName.A);
                    cancelTimer(TimerName.B);
                    defer(() -> listener.onResponse(response));
                }
            }
            case SUCCESS -> {
                if (s == State.CALLING || s == State.PROCEEDING) {
                    state = State.ACCEPTED;
                    cancelTimer(TimerName.A);
                    cancelTimer(TimerName.B);
                    startTimer(TimerName.M, ctx.timers().timerM());
                    defer(() -> listener.onResponse(response));
                } else if (s == State.ACCEPTED) {
                    defer(() -> listener.onResponse(response));
                }
            }
            case FAILURE -> {
                if (s == State.CALLING || s == State.PROCEEDING) {
                    state = State.COMPLETED;
                    cancelTimer(TimerName.A);
                    cancelTimer(TimerName.B);
                    ack = ackFor(request, response);
                    transmit(ack, peer);
                    defer(() -> listener.onResponse(response));
                    waitThenTerminate(TimerName.D, ctx.timers().timerD(peer.transport()), this::terminate);
                } else if (s == State.COMPLETED) {
                    ctx.counters().retransmissionsReceived.increment();
                    retransmit(ack, peer);
                }
            }
            case TIMER_A -> {
                if (s == State.CALLING) {
                    retransmit(request, peer);
                    intervalA = ctx.timers().nextRetransmit(intervalA, false);
                    startTimer(TimerName.A, intervalA);
                }
            }
            case TIMER_B -> {
                if (s == State.CALLING) {
                    ctx.counters().timeouts.increment();
                    terminate();
                    defer(listener::onTimeout);
                }
            }
            case TIMER_D -> {
                if (s == State.COMPLETED) {
                    terminate();
                }
            }
            case TIMER_M -> {
                if (s == State.ACCEPTED) {
                    terminate();
                }
            }
            case TRANSPORT_ERROR -> {
                if (s == State.CALLING || s == State.PROCEEDING) {
                    terminate();
                    defer(() -> listener.onTransportError(error));
                } else if (s == State.COMPLETED) {
                    terminate(); // the ACK could not be sent; the TU already has the final response
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

    /**
     * The ACK for a non-2xx final (§17.1.1.3): the INVITE's Request-URI, Call-ID, From and top Via only,
     * the response's To (with its tag), the INVITE's CSeq number with method ACK, the INVITE's Route
     * header fields, Max-Forwards 70, no body.
     */
    static SipRequest ackFor(SipRequest invite, SipResponse response) {
        Headers in = invite.headers();
        List<Header> out = new ArrayList<>();
        out.add(new Header("Via", in.first("Via").orElseThrow()));
        out.add(new Header("Max-Forwards", "70"));
        for (String route : in.all("Route")) {
            out.add(new Header("Route", route));
        }
        out.add(new Header("From", in.first("From").orElseThrow()));
        out.add(new Header("To", response.headers().first("To").orElseThrow()));
        out.add(new Header("Call-ID", in.first("Call-ID").orElseThrow()));
        out.add(new Header("CSeq", new CSeq(invite.cseq().number(), Method.ACK).toString()));
        return new SipRequest(Method.ACK, invite.requestUri(), Headers.of(out), Body.EMPTY);
    }

    @Override
    String machine() {
        return "invite-client";
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
        return "InviteClientTransaction[" + key + ", " + state + "]";
    }
}
