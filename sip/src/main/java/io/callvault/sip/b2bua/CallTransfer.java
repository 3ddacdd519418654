package io.callvault.sip.b2bua;

import io.callvault.core.Direction;
import io.callvault.core.time.Scheduler;
import io.callvault.sdp.SessionDescription;
import io.callvault.sip.message.Body;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.transaction.ClientListener;
import io.callvault.sip.transaction.ServerTransaction;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blind (unattended) call transfer: an extension in a call sends REFER (RFC 3515) naming a new party; the
 * B2BUA itself calls that party and, when it answers, puts it in the transferring extension's place. The
 * other party (the transferee) keeps its dialog and its media port: it never sees the transfer, so no
 * softphone or trunk has to support re-INVITEs for it to work. The transferor is told how the new call went
 * with NOTIFYs carrying a message/sipfrag status line (RFC 3515 §2.4.5) unless it asked for none
 * ({@code Refer-Sub: false}, RFC 4488), and is hung up on once the transfer succeeded.
 *
 * <p>Only a party that is one of our extensions may transfer, and never to connect two outside parties
 * (that would let a trunk caller place calls at the business's expense). Attended transfer (a Refer-To with
 * {@code Replaces}, RFC 3891) is refused with 403 and says so.
 *
 * <p>The media session is told through {@link MediaAnchor.MediaSession#transferred}, where the recording
 * and consent decision start again for the new set of parties. All methods run under the call's lock.
 */
final class CallTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(CallTransfer.class);
    private static final String SIPFRAG = "message/sipfrag;version=2.0";

    /** A transfer accepted (202) whose new party has not answered yet. */
    static final class Pending {
        /** The side being replaced: the transferor's. */
        final Side side;
        final Leg transferor;
        /** The dialog with the new party (we are its UAC). */
        final Leg target;
        final CallSetup.Target to;
        final Direction direction;
        final long referCSeq;
        /** Whether the transferor wants NOTIFYs (false after {@code Refer-Sub: false}). */
        final boolean notify;
        final Body offer;
        SipRequest invite;
        boolean authAttempted;
        /** The transferor hung up while the new party was being called. */
        boolean transferorGone;
        Scheduler.Cancellable ringTimer;

        Pending(Side side, Leg transferor, Leg target, CallSetup.Target to, Direction direction, long referCSeq,
                boolean notify, Body offer) {
            this.side = side;
            this.transferor = transferor;
            this.target = target;
            this.to = to;
            this.direction = direction;
            this.referCSeq = referCSeq;
            this.notify = notify;
            this.offer = offer;
        }
    }

    private final B2buaContext ctx;
    private final CallSetup setup;
    private final CallDialogs dialogs;

    CallTransfer(B2buaContext ctx, CallSetup setup, CallDialogs dialogs) {
        this.ctx = ctx;
        this.setup = setup;
        this.dialogs = dialogs;
    }

    /** A REFER on the current dialog of {@code from}: accept it and call the new party, or say why not. */
    void onRefer(Call call, Side from, ServerTransaction tx, SipRequest refer) {
        Side stays = from.other();
        if (!call.isExtension(from)) {
            tx.respond(refused(refer, 403, "only an extension may transfer a call"));
            return;
        }
        if (!tx.peer().address().equals(call.leg(from).peer.address())) {
            // a REFER may place an outside call: only from where that party's own signalling comes from
            tx.respond(refused(refer, 403, "a transfer must come from the party's own address"));
            return;
        }
        if (call.state != Call.State.ANSWERED && call.state != Call.State.CONFIRMED) {
            tx.respond(refused(refer, 403, "a call can be transferred once it is connected"));
            return;
        }
        if (call.transfer != null) {
            tx.respond(SipResponse.to(refer, 491, "Request Pending"));
            return;
        }
        java.util.List<String> referTo = refer.headers().all("Refer-To");
        if (referTo.size() != 1) {
            tx.respond(refused(refer, 400, "a REFER needs exactly one Refer-To (RFC 3515 §2.4.1)"));
            return;
        }
        SipUri uri;
        try {
            NameAddr named = NameAddr.parse(referTo.getFirst());
            if (!(named.uri() instanceof SipUri sip)) {
                tx.respond(SipResponse.to(refer, 416, "Unsupported URI Scheme"));
                return;
            }
            uri = sip;
        } catch (SipParseException e) {
            tx.respond(refused(refer, 400, "Refer-To is not a valid address: " + e.getMessage()));
            return;
        }
        if (uri.headers().has("Replaces")) {
            tx.respond(refused(refer, 403, "attended transfer (Replaces) is not supported; use blind transfer"));
            return;
        }
        String number = uri.user().orElse("");
        if (number.isEmpty()) {
            tx.respond(refused(refer, 400, "Refer-To needs a number or extension in its user part"));
            return;
        }
        if (number.equals(call.party(stays))) {
            tx.respond(refused(refer, 403, "a party cannot be transferred to itself"));
            return;
        }
        boolean targetIsExtension = setup.isExtension(number);
        // who is an extension once the target is in the transferor's place
        boolean callerExtension = from == Side.CALLER ? targetIsExtension : call.isExtension(Side.CALLER);
        boolean calleeExtension = from == Side.CALLEE ? targetIsExtension : call.isExtension(Side.CALLEE);
        if (!callerExtension && !calleeExtension) {
            tx.respond(refused(refer, 403, "a transfer may not connect two outside parties"));
            return;
        }
        Direction direction = callerExtension && calleeExtension ? Direction.INTERNAL
                : callerExtension ? Direction.OUT : Direction.IN;
        Optional<CallSetup.Target> target = targetIsExtension
                ? setup.registeredExtension(number, call.party(stays), direction)
                : setup.outsideTarget(number, call.party(from));
        if (target.isEmpty()) {
            tx.respond(targetIsExtension ? SipResponse.to(refer, 480, "Temporarily Unavailable")
                    : SipResponse.to(refer, 404, "Not Found"));
            return;
        }
        boolean notify = !refer.headers().first("Refer-Sub").map(v -> v.trim().equalsIgnoreCase("false"))
                .orElse(false);
        SipResponse accepted = SipResponse.to(refer, 202, "Accepted")
                .withHeader("Contact", call.leg(from).contact(ctx.transport()).toString());
        tx.respond(notify ? accepted : accepted.withHeader("Refer-Sub", "false"));
        start(call, from, target.get(), direction, refer, notify);
    }

    private void start(Call call, Side side, CallSetup.Target to, Direction direction, SipRequest refer,
                       boolean notify) {
        Side stays = side.other();
        SessionDescription transferee = call.sdp(stays);
        Body offer = Body.of(ctx.sdp().anchored(transferee, SdpBridge.audioIndex(transferee),
                call.media.local(side)).toBytes());
        Leg target = setup.newLeg(side, to, call.partyName(stays));
        Pending p = new Pending(side, call.leg(side), target, to, direction, refer.cseq().number(), notify, offer);
        p.invite = target.request(Method.INVITE, ctx.transport()).withBody(CallSetup.SDP, offer)
                .withHeader("Referred-By", refer.headers().first("Referred-By").orElse(refer.from().toString()));
        call.transfer = p;
        LOG.info("{}: {} transfers {} to {}", call.label, call.party(side), call.party(stays), to.number());
        tellTransferor(call, p, "SIP/2.0 100 Trying", false);
        ctx.layer().send(p.invite, target.peer, new TargetListener(call, p));
        p.ringTimer = ctx.scheduler().schedule(ctx.ringTimeout(), () -> ringTimeout(call, p));
    }

    /** Responses to the INVITE to the new party. */
    private final class TargetListener implements ClientListener {
        private final Call call;
        private final Pending p;

        TargetListener(Call call, Pending p) {
            this.call = call;
            this.p = p;
        }

        @Override
        public void onResponse(SipResponse r) {
            synchronized (call) {
                if (call.transfer != p || call.ended()) {
                    if (r.status() >= 200 && r.status() < 300) { // answered after we gave up: hang up on it
                        answeredTooLate(r);
                    }
                    return;
                }
                if (r.status() < 200) {
                    r.to().tag().ifPresent(tag -> p.target.remote = p.target.remote.withTag(tag));
                    if (r.status() == 180 || r.status() == 183) {
                        tellTransferor(call, p, "SIP/2.0 " + r.status() + " " + r.reason(), false);
                    }
                } else if (r.status() < 300) {
                    answered(call, p, r);
                } else if ((r.status() == 401 || r.status() == 407) && answerTrunkChallenge(call, p, r)) {
                    LOG.debug("{}: answered the trunk's {} challenge for the transfer", call.label, r.status());
                } else {
                    failed(call, p, r.status(), r.reason());
                }
            }
        }

        private void answeredTooLate(SipResponse ok) {
            r2xxRemote(p.target, ok);
            dialogs.ack(p.target, p.invite, ok);
            ctx.layer().send(p.target.request(Method.BYE, ctx.transport()), p.target.peer, CallDialogs.IGNORE);
        }

        @Override
        public void onTimeout() {
            synchronized (call) {
                if (call.transfer == p) {
                    failed(call, p, 408, "Request Timeout");
                }
            }
        }

        @Override
        public void onTransportError(IOException e) {
            synchronized (call) {
                if (call.transfer == p) {
                    failed(call, p, 503, "Service Unavailable");
                }
            }
        }
    }

    private static void r2xxRemote(Leg leg, SipResponse ok) {
        ok.to().tag().ifPresent(tag -> leg.remote = leg.remote.withTag(tag));
        if (!ok.contacts().isEmpty()) {
            leg.remoteTarget = ok.contacts().getFirst();
        }
    }

    /** The new party answered: it takes the transferor's place, in the dialogs and in the media. */
    private void answered(Call call, Pending p, SipResponse ok) {
        r2xxRemote(p.target, ok);
        dialogs.ack(p.target, p.invite, ok);
        p.ringTimer.cancel();
        Optional<SessionDescription> answer = SdpBridge.parse(ok.body().toByteArray());
        if (answer.isEmpty()) {
            LOG.warn("{}: the transfer target answered without SDP; hanging up on it", call.label);
            ctx.layer().send(p.target.request(Method.BYE, ctx.transport()), p.target.peer, CallDialogs.IGNORE);
            failed(call, p, 502, "Bad Gateway");
            return;
        }
        call.transfer = null;
        if (p.side == Side.CALLER && call.okRetransmit != null) {
            call.okRetransmit.cancel(); // the original caller is leaving: its answer needs no more resending
            call.state = Call.State.CONFIRMED;
        }
        call.replaceLeg(p.side, p.target);
        call.direction = p.direction;
        call.party(p.side, p.to.number(), p.to.name());
        ctx.calls().addLeg(call, p.target);
        call.sdp(p.side, answer.get());
        call.media.transferred(p.side, new MediaAnchor.Participants(call.label, call.callerRequest.callId().value(),
                        call.party(Side.CALLER), call.partyName(Side.CALLER), call.party(Side.CALLEE),
                        call.partyName(Side.CALLEE), call.direction), answer.get(),
                SdpBridge.audioIndex(answer.get()), ctx.clock().instant());
        LOG.info("{}: transferred to {}", call.label, p.to.number());
        if (p.transferorGone) {
            return; // it already hung up, and its dialog is gone from the registry
        }
        call.retired.add(p.transferor);
        tellTransferor(call, p, "SIP/2.0 200 OK", true);
        // the transferor normally hangs up when it hears of the success; if it does not, we do
        ctx.scheduler().schedule(ctx.timers().t1().multipliedBy(16), () -> {
            synchronized (call) {
                if (call.retired.remove(p.transferor)) {
                    ctx.layer().send(p.transferor.request(Method.BYE, ctx.transport()), p.transferor.peer,
                            CallDialogs.IGNORE);
                    ctx.calls().removeLeg(p.transferor);
                }
            }
        });
    }

    /** The new party could not be reached: the call goes on as it was, unless the transferor has left. */
    private void failed(Call call, Pending p, int status, String reason) {
        call.transfer = null;
        p.ringTimer.cancel();
        LOG.info("{}: transfer to {} failed: {} {}", call.label, p.to.number(), status, reason);
        if (p.transferorGone) {
            dialogs.sendBye(call, p.side.other());
            dialogs.end(call, "transfer");
            return;
        }
        tellTransferor(call, p, "SIP/2.0 " + status + " " + reason, true);
    }

    private void ringTimeout(Call call, Pending p) {
        synchronized (call) {
            if (call.transfer != p || call.ended()) {
                return;
            }
            ctx.layer().send(CallSetup.cancelOf(p.invite), p.target.peer, CallDialogs.IGNORE);
            failed(call, p, 408, "Request Timeout");
        }
    }

    private boolean answerTrunkChallenge(Call call, Pending p, SipResponse challenge) {
        if (p.to.trunk().isEmpty() || p.authAttempted) {
            return false;
        }
        p.authAttempted = true;
        Optional<SipRequest> again = setup.withTrunkCredentials(p.to.trunk().get(), challenge, p.target, p.offer,
                p.invite, call.label);
        again.ifPresent(invite -> {
            p.invite = invite;
            ctx.layer().send(invite, p.target.peer, new TargetListener(call, p));
        });
        return again.isPresent();
    }

    /** Tells the transferor how the new call is going (RFC 3515 §2.4.5), unless it asked not to be told. */
    private void tellTransferor(Call call, Pending p, String statusLine, boolean last) {
        if (!p.notify || p.transferorGone) {
            return;
        }
        SipRequest notify = p.transferor.request(Method.NOTIFY, ctx.transport())
                .withHeader("Event", "refer;id=" + p.referCSeq)
                .withHeader("Subscription-State", last ? "terminated;reason=noresource" : "active;expires=60")
                .withBody(SIPFRAG, Body.ofUtf8(statusLine + "\r\n"));
        ctx.layer().send(notify, p.transferor.peer, CallDialogs.IGNORE);
    }

    /**
     * A BYE from {@code from} while its transfer is pending: the transferor may leave before the new party
     * answers (RFC 5589 §6). Returns true if that is what this is; the call then waits for the new party.
     */
    boolean transferorLeft(Call call, Side from) {
        Pending p = call.transfer;
        if (p == null || p.side != from || p.transferorGone) {
            return false;
        }
        p.transferorGone = true;
        ctx.calls().removeLeg(p.transferor);
        LOG.info("{}: the transferor left before {} answered", call.label, p.to.number());
        return true;
    }

    /** A request on a dialog a transfer replaced: its BYE is answered and forgotten; nothing else is served. */
    void onRetired(Call call, Leg leg, ServerTransaction tx, SipRequest request) {
        if (request.method().equals(Method.BYE)) {
            tx.respond(SipResponse.to(request, 200, "OK"));
            call.retired.remove(leg);
            ctx.calls().removeLeg(leg);
        } else {
            tx.respond(SipResponse.to(request, 481, "Call/Transaction Does Not Exist"));
        }
    }

    /** The call ends: a new party still being called is cancelled. */
    void abandon(Call call) {
        Pending p = call.transfer;
        if (p == null) {
            return;
        }
        call.transfer = null;
        p.ringTimer.cancel();
        ctx.layer().send(CallSetup.cancelOf(p.invite), p.target.peer, CallDialogs.IGNORE);
    }

    private static SipResponse refused(SipRequest refer, int status, String why) {
        return SipResponse.to(refer, status, SipResponse.defaultReason(status))
                .withHeader("Warning", "399 callvault \"" + why.replace('"', '\'') + "\"");
    }
}
