package io.callvault.sip.b2bua;

import io.callvault.sdp.SessionDescription;
import io.callvault.sip.message.Body;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transaction.ClientListener;
import io.callvault.sip.transaction.ServerTransaction;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Established calls: the answer (ACK to the callee, 2xx to the caller retransmitted until its ACK,
 * RFC 3261 §13.3.1.4), BYE from either side, other in-dialog requests (re-INVITE, UPDATE, INFO...) passed
 * to the other leg with their SDP re-anchored, and the end of a call (media closed, summary reported).
 */
final class CallDialogs {
    private static final Logger LOG = LoggerFactory.getLogger(CallDialogs.class);

    static final ClientListener IGNORE = new ClientListener() {
        @Override
        public void onResponse(SipResponse r) {
        }

        @Override
        public void onTimeout() {
        }

        @Override
        public void onTransportError(IOException e) {
        }
    };

    private final B2buaContext ctx;
    private CallTransfer transfers;

    CallDialogs(B2buaContext ctx) {
        this.ctx = ctx;
    }

    /** REFER handling; attached after construction, as it needs us and the call setup. */
    void attach(CallTransfer transfer) {
        this.transfers = transfer;
    }

    /** The callee answered (first 2xx, or a retransmission of it). Caller holds the call's lock. */
    void calleeAnswered(Call call, SipResponse ok) {
        if (call.state == Call.State.ANSWERED || call.state == Call.State.CONFIRMED || call.ended()) {
            ackCallee(call, ok); // a retransmitted 2xx: our ACK was lost
            if (call.ended()) {
                sendBye(call, Side.CALLEE);
            }
            return;
        }
        ok.to().tag().ifPresent(tag -> call.callee.remote = call.callee.remote.withTag(tag));
        if (!ok.contacts().isEmpty()) {
            call.callee.remoteTarget = ok.contacts().getFirst();
        }
        ackCallee(call, ok);
        if (call.cancelled) { // answered after our CANCEL crossed it: hang up on the callee
            sendBye(call, Side.CALLEE);
            call.finalStatus = 487;
            call.disposition = "cancelled";
            end(call, "caller");
            return;
        }
        Optional<SessionDescription> answer = SdpBridge.parse(ok.body().toByteArray());
        if (answer.isEmpty()) {
            LOG.warn("{}: callee answered without SDP; ending the call", call.label);
            sendBye(call, Side.CALLEE);
            call.callerInvite.respond(SipResponse.to(call.callerRequest, 502, "Bad Gateway", call.caller.localTag()));
            call.finalStatus = 502;
            call.disposition = "failed";
            end(call, "callee");
            return;
        }
        call.calleeAnswer = answer.get();
        call.calleeSdp = answer.get();
        call.calleeAudioIndex = SdpBridge.audioIndex(answer.get());
        call.media.remote(Side.CALLEE, answer.get(), call.calleeAudioIndex);
        SessionDescription toCaller = ctx.sdp().anchored(answer.get(), call.calleeAudioIndex,
                call.media.local(Side.CALLER));
        call.callerOk = SipResponse.to(call.callerRequest, 200, "OK", call.caller.localTag())
                .withHeader("Contact", call.caller.contact(ctx.transport()).toString())
                .withBody(CallSetup.SDP, Body.of(toCaller.toBytes()));
        call.state = Call.State.ANSWERED;
        if (call.ringTimer != null) {
            call.ringTimer.cancel();
        }
        call.answeredAt = ctx.clock().instant();
        call.finalStatus = 200;
        call.disposition = "answered";
        call.media.answered(call.answeredAt, call.callerOffer, answer.get());
        call.callerInvite.respond(call.callerOk);
        retransmitOk(call, ctx.timers().t1());
        LOG.info("{}: answered", call.label);
    }

    private void ackCallee(Call call, SipResponse ok) {
        ack(call.callee, call.calleeInvite, ok);
    }

    /** ACK for a 2xx to an INVITE we sent on {@code leg} (RFC 3261 §13.2.2.4: its own transaction, sent stateless). */
    void ack(Leg leg, SipRequest invite, SipResponse ok) {
        SipRequest ack = SipRequest.builder(Method.ACK, leg.remoteTarget.uri())
                .via(leg.via(ctx.transport(), io.callvault.sip.transaction.TransactionLayer.newBranch()))
                .maxForwards(70).from(leg.local).to(ok.to()).callId(leg.callId)
                .cseq(invite.cseq().number()).build();
        ctx.layer().sendStateless(ack, leg.peer);
    }

    /** Re-sends the caller's 2xx at T1, 2·T1 ... capped at T2, until ACK; gives up after 64·T1 (§13.3.1.4). */
    private void retransmitOk(Call call, Duration interval) {
        call.okRetransmit = ctx.scheduler().schedule(interval, () -> {
            synchronized (call) {
                if (call.state != Call.State.ANSWERED) {
                    return;
                }
                if (call.answeredAt.plus(ctx.timers().t1().multipliedBy(64)).isAfter(ctx.clock().instant())) {
                    ctx.layer().sendStateless(call.callerOk, call.caller.peer);
                    Duration next = interval.multipliedBy(2);
                    retransmitOk(call, next.compareTo(ctx.timers().t2()) > 0 ? ctx.timers().t2() : next);
                } else {
                    LOG.warn("{}: caller never acknowledged the answer; hanging up", call.label);
                    sendBye(call, Side.CALLER);
                    sendBye(call, Side.CALLEE);
                    end(call, "timeout");
                }
            }
        });
    }

    /** ACK for a 2xx from the caller: the call is confirmed. */
    void onAck(SipRequest ack, Peer from) {
        ctx.calls().forRequest(ack).ifPresent(found -> {
            Call call = found.call();
            synchronized (call) {
                if (found.side() == Side.CALLER && call.state == Call.State.ANSWERED) {
                    call.state = Call.State.CONFIRMED;
                    if (call.okRetransmit != null) {
                        call.okRetransmit.cancel();
                    }
                }
            }
        });
    }

    /** A request inside a dialog we know (BYE, re-INVITE, UPDATE, INFO, ...). */
    void onInDialog(ServerTransaction tx, SipRequest request) {
        Optional<CallRegistry.Found> found = ctx.calls().forRequest(request);
        if (found.isEmpty()) {
            tx.respond(SipResponse.to(request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        Call call = found.get().call();
        Side from = found.get().side();
        synchronized (call) {
            if (call.ended()) {
                tx.respond(SipResponse.to(request, 481, "Call/Transaction Does Not Exist"));
                return;
            }
            if (!found.get().current()) { // a dialog a transfer replaced: only its end is still of interest
                transfers.onRetired(call, found.get().leg(), tx, request);
                return;
            }
            if (request.method().equals(Method.REFER)) {
                transfers.onRefer(call, from, tx, request);
                return;
            }
            if (request.method().equals(Method.BYE) && transfers.transferorLeft(call, from)) {
                tx.respond(SipResponse.to(request, 200, "OK"));
                return;
            }
            if (request.method().equals(Method.BYE)) {
                tx.respond(SipResponse.to(request, 200, "OK"));
                if (call.state == Call.State.ANSWERED && from == Side.CALLER && call.okRetransmit != null) {
                    call.okRetransmit.cancel();
                }
                sendBye(call, from.other());
                end(call, from == Side.CALLER ? "caller" : "callee");
                return;
            }
            forward(call, from, tx, request);
        }
    }

    /** Passes an in-dialog request to the other leg and its final response back. */
    private void forward(Call call, Side from, ServerTransaction tx, SipRequest request) {
        Optional<Character> key = DtmfInfo.key(request);
        if (key.isPresent() && call.media.keyPressed(from, key.get())) {
            tx.respond(SipResponse.to(request, 200, "OK")); // a feature code: not for the other party
            return;
        }
        Side to = from.other();
        Leg out = call.leg(to);
        if (out == null || out.remote.tag().isEmpty()) {
            tx.respond(SipResponse.to(request, 491, "Request Pending"));
            return;
        }
        SipRequest forwarded = out.request(request.method(), ctx.transport());
        Optional<SessionDescription> offer = SdpBridge.parse(request.body().toByteArray());
        if (offer.isPresent() && CallSetup.isSdp(request)) {
            int index = SdpBridge.audioIndex(offer.get());
            call.sdp(from, offer.get());
            call.media.remote(from, offer.get(), index);
            forwarded = forwarded.withBody(CallSetup.SDP, Body.of(ctx.sdp().anchored(offer.get(), index,
                    call.media.local(to)).toBytes()));
        } else if (!request.body().isEmpty()) {
            forwarded = forwarded.withBody(request.contentType().orElse("application/octet-stream"), request.body());
        }
        SipRequest sent = forwarded;
        ctx.layer().send(sent, out.peer, new ClientListener() {
            @Override
            public void onResponse(SipResponse r) {
                synchronized (call) {
                    if (r.status() < 200) {
                        return;
                    }
                    SipResponse back = SipResponse.to(request, r.status(), r.reason());
                    Optional<SessionDescription> answer = SdpBridge.parse(r.body().toByteArray());
                    if (answer.isPresent() && !call.ended() && call.leg(to) == out) {
                        int index = SdpBridge.audioIndex(answer.get());
                        call.sdp(to, answer.get());
                        call.media.remote(to, answer.get(), index);
                        back = back.withBody(CallSetup.SDP, Body.of(ctx.sdp().anchored(answer.get(), index,
                                call.media.local(from)).toBytes()));
                    }
                    if (sent.method().equals(Method.INVITE) && r.status() < 300) {
                        ctx.layer().sendStateless(out.request(Method.ACK, ctx.transport()), out.peer);
                        back = back.withHeader("Contact", call.leg(from).contact(ctx.transport()).toString());
                    }
                    tx.respond(back);
                }
            }

            @Override
            public void onTimeout() {
                tx.respond(SipResponse.to(request, 408, "Request Timeout"));
            }

            @Override
            public void onTransportError(IOException e) {
                tx.respond(SipResponse.to(request, 503, "Service Unavailable"));
            }
        });
    }

    void sendBye(Call call, Side side) {
        Leg leg = call.leg(side);
        if (leg == null || leg.remote.tag().isEmpty()) {
            return;
        }
        ctx.layer().send(leg.request(Method.BYE, ctx.transport()), leg.peer, IGNORE);
    }

    /** Ends the call once: media closed (recording sealed), registry cleaned, summary reported. */
    void end(Call call, String endedBy) {
        if (call.ended()) {
            return;
        }
        call.state = Call.State.ENDED;
        call.endedAt = ctx.clock().instant();
        call.endedBy = endedBy;
        if (call.okRetransmit != null) {
            call.okRetransmit.cancel();
        }
        if (call.ringTimer != null) {
            call.ringTimer.cancel();
        }
        transfers.abandon(call);
        if (call.media != null) {
            call.media.close();
        }
        ctx.calls().remove(call);
        ctx.events().ended(call.summary());
        LOG.info("{}: ended ({}, by {})", call.label, call.disposition, endedBy);
    }
}
