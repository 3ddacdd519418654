package io.callvault.sip.b2bua;

import io.callvault.sdp.SessionDescription;
import io.callvault.sip.auth.CredentialStore;
import io.callvault.sip.auth.DigestChallenger;
import io.callvault.sip.message.Body;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.registrar.Binding;
import io.callvault.sip.transaction.ClientListener;
import io.callvault.sip.transaction.ServerTransaction;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.TransportKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets calls up: authenticates the caller (407 digest challenge), routes the Request-URI to an extension's
 * registered contact, anchors the media and sends the callee leg's INVITE; then maps the callee's
 * responses onto the caller's INVITE (RFC 3261 §16-style response mapping for a B2BUA). Teardown and
 * in-dialog requests are {@link CallDialogs}'.
 */
final class CallSetup {
    private static final Logger LOG = LoggerFactory.getLogger(CallSetup.class);
    static final String SDP = "application/sdp";

    private final B2buaContext ctx;
    private final DigestChallenger digest;
    private final CredentialStore credentials;
    private final Routing routing;
    private final CallDialogs dialogs;

    CallSetup(B2buaContext ctx, DigestChallenger digest, CredentialStore credentials, Routing routing,
              CallDialogs dialogs) {
        this.ctx = ctx;
        this.digest = digest;
        this.credentials = credentials;
        this.routing = routing;
        this.dialogs = dialogs;
    }

    void onInvite(ServerTransaction tx, SipRequest invite) {
        String callerUser;
        switch (digest.verify(invite, true, credentials)) {
            case DigestChallenger.Verdict.Authenticated a -> callerUser = a.username();
            case DigestChallenger.Verdict.Stale s -> {
                tx.respond(digest.challenge(invite, true, true, Tags.random()));
                return;
            }
            case DigestChallenger.Verdict.Rejected r -> {
                LOG.debug("INVITE from {} challenged: {}", tx.peer(), r.reason());
                tx.respond(digest.challenge(invite, true, false, Tags.random()));
                return;
            }
        }
        String callee = invite.requestUri() instanceof SipUri u ? u.user().orElse("") : "";
        if (!routing.isExtension(callee)) {
            tx.respond(SipResponse.to(invite, 404, "Not Found", Tags.random()));
            return;
        }
        List<Binding> targets = routing.bindings(callee);
        if (targets.isEmpty()) {
            tx.respond(SipResponse.to(invite, 480, "Temporarily Unavailable", Tags.random()));
            return;
        }
        Optional<SessionDescription> offer = SdpBridge.parse(invite.body().toByteArray());
        if (offer.isEmpty()) {
            tx.respond(SipResponse.to(invite, 488, "Not Acceptable Here", Tags.random())
                    .withHeader("Warning", "399 callvault \"an SDP offer in the INVITE is required\""));
            return;
        }
        SdpBridge.Filtered filtered = ctx.sdp().filter(offer.get());
        if (filtered instanceof SdpBridge.Filtered.Refused refused) {
            tx.respond(SipResponse.to(invite, 488, "Not Acceptable Here", Tags.random())
                    .withHeader("Warning", "304 callvault \"" + refused.reason().replace('"', '\'') + "\""));
            return;
        }
        tx.respond(SipResponse.to(invite, 100, "Trying"));
        start(tx, invite, callerUser, callee, targets.getFirst(), (SdpBridge.Filtered.Ok) filtered);
    }

    private void start(ServerTransaction tx, SipRequest invite, String callerUser, String callee, Binding target,
                       SdpBridge.Filtered.Ok offer) {
        NameAddr from = invite.from();
        Leg caller = new Leg(Side.CALLER, invite.callId(), invite.to().withTag(Tags.random()), from,
                invite.contacts().isEmpty() ? from : invite.contacts().getFirst(), tx.peer(), 1);
        String name = from.displayName().orElse(routing.displayName(callerUser).orElse(""));
        Call call = new Call("call-" + Tags.random().substring(0, 8), tx, invite, caller, callerUser, name, callee,
                ctx.clock().instant());
        try {
            call.media = ctx.media().open(new MediaAnchor.Participants(call.label, invite.callId().value(), callerUser,
                    name, callee, routing.displayName(callee).orElse("")));
        } catch (IOException e) {
            LOG.warn("{}: no media ports for a call from {} to {}: {}", call.label, callerUser, callee, e.getMessage());
            tx.respond(SipResponse.to(invite, 503, "Service Unavailable", caller.localTag()));
            return;
        }
        synchronized (call) {
            call.callerOffer = offer.sdp();
            call.callerAudioIndex = offer.audioIndex();
            call.media.remote(Side.CALLER, offer.sdp(), offer.audioIndex());
            ctx.calls().add(call);
            Peer peer = new Peer(TransportKind.valueOf(target.transport()), target.source());
            InetSocketAddress local = ctx.transport().localAddress(peer.transport());
            NameAddr calleeFrom = NameAddr.parse((name.isEmpty() ? "" : "\"" + name.replace("\"", "") + "\" ")
                    + "<sip:" + callerUser + "@" + local.getAddress().getHostAddress() + ">").withTag(Tags.random());
            NameAddr calleeTo = NameAddr.parse("<sip:" + callee + "@" + local.getAddress().getHostAddress() + ">");
            call.callee = new Leg(Side.CALLEE, new SipCallId(Tags.callId(local.getAddress().getHostAddress())),
                    calleeFrom, calleeTo, NameAddr.parse("<" + target.contactUri() + ">"), peer, 1);
            ctx.calls().addCallee(call);
            SessionDescription anchored = ctx.sdp().anchored(offer.sdp(), offer.audioIndex(),
                    call.media.local(Side.CALLEE));
            call.calleeInvite = call.callee.request(Method.INVITE, ctx.transport()).withBody(SDP,
                    Body.of(anchored.toBytes()));
            LOG.info("{}: {} -> {} via {}", call.label, callerUser, callee, peer);
            call.calleeTx = ctx.layer().send(call.calleeInvite, peer, new CalleeInviteListener(call));
        }
    }

    /** Maps the callee's responses to its INVITE onto the caller's INVITE. */
    private final class CalleeInviteListener implements ClientListener {
        private final Call call;

        CalleeInviteListener(Call call) {
            this.call = call;
        }

        @Override
        public void onResponse(SipResponse r) {
            synchronized (call) {
                if (r.status() < 200) {
                    provisional(call, r);
                } else if (r.status() < 300) {
                    dialogs.calleeAnswered(call, r);
                } else {
                    failed(call, r.status(), r.reason());
                }
            }
        }

        @Override
        public void onTimeout() {
            synchronized (call) {
                failed(call, 408, "Request Timeout");
            }
        }

        @Override
        public void onTransportError(IOException e) {
            synchronized (call) {
                LOG.info("{}: callee unreachable: {}", call.label, e.getMessage());
                failed(call, 480, "Temporarily Unavailable");
            }
        }
    }

    private void provisional(Call call, SipResponse r) {
        if (r.status() == 100 || call.state != Call.State.CALLING && call.state != Call.State.EARLY
                || call.cancelled) {
            return;
        }
        r.to().tag().ifPresent(tag -> call.callee.remote = call.callee.remote.withTag(tag));
        SipResponse toCaller = SipResponse.to(call.callerRequest, r.status(), r.reason(), call.caller.localTag())
                .withHeader("Contact", call.caller.contact(ctx.transport()).toString());
        Optional<SessionDescription> early = SdpBridge.parse(r.body().toByteArray());
        if (early.isPresent()) {
            int index = SdpBridge.audioIndex(early.get());
            call.media.remote(Side.CALLEE, early.get(), index);
            toCaller = toCaller.withBody(SDP, Body.of(ctx.sdp().anchored(early.get(), index,
                    call.media.local(Side.CALLER)).toBytes()));
        }
        call.state = Call.State.EARLY;
        call.callerInvite.respond(toCaller);
    }

    /** The callee refused or could not be reached: the caller gets a matching final response. */
    void failed(Call call, int status, String reason) {
        if (call.ended() || call.state == Call.State.ANSWERED || call.state == Call.State.CONFIRMED) {
            return;
        }
        int mapped = switch (status) {
            case 401, 407 -> 502; // the callee's challenge cannot be passed on to the caller
            case 482, 483 -> 500;
            default -> status;
        };
        if (!call.cancelled) {
            call.callerInvite.respond(SipResponse.to(call.callerRequest, mapped,
                    mapped == status ? reason : SipResponse.defaultReason(mapped), call.caller.localTag()));
        }
        call.finalStatus = call.cancelled ? 487 : mapped;
        call.disposition = call.cancelled ? "cancelled" : switch (status) {
            case 486, 600 -> "busy";
            case 408, 480 -> "no-answer";
            case 487 -> "cancelled";
            default -> "failed";
        };
        dialogs.end(call, call.cancelled ? "caller" : "callee");
    }

    /** CANCEL from the caller (the layer already answered it 200): cancel the callee leg, answer 487. */
    void onCancel(ServerTransaction inviteTx, SipRequest cancel) {
        ctx.calls().forInvite(inviteTx).ifPresentOrElse(call -> {
            synchronized (call) {
                if (call.ended() || call.state == Call.State.ANSWERED || call.state == Call.State.CONFIRMED) {
                    return;
                }
                call.cancelled = true;
                call.callerInvite.respond(SipResponse.to(call.callerRequest, 487, "Request Terminated",
                        call.caller.localTag()));
                SipRequest invite = call.calleeInvite;
                SipRequest calleeCancel = SipRequest.builder(Method.CANCEL, invite.requestUri())
                        .via(invite.topVia()).maxForwards(70).from(invite.from()).to(invite.to())
                        .callId(invite.callId()).cseq(invite.cseq().number()).build();
                ctx.layer().send(calleeCancel, call.callee.peer, CallDialogs.IGNORE);
                // the callee's 487 (or a timeout) then ends the call through failed()
            }
        }, () -> inviteTx.respond(SipResponse.to(inviteTx.request(), 487, "Request Terminated", Tags.random())));
    }

    static boolean isSdp(SipRequest r) {
        try {
            return r.contentType().map(t -> t.toLowerCase().startsWith(SDP)).orElse(false);
        } catch (SipParseException e) {
            return false;
        }
    }
}
