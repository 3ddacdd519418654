package io.callvault.sip.b2bua;

import io.callvault.sdp.SessionDescription;
import io.callvault.sip.auth.CredentialStore;
import io.callvault.sip.auth.DigestChallenger;
import io.callvault.sip.auth.DigestClient;
import io.callvault.sip.message.Header;
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
    /** How long an early announcement may hold the callee's INVITE back at most (prompts last up to 120 s). */
    static final java.time.Duration MAX_ANNOUNCEMENT = java.time.Duration.ofSeconds(150);

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

    /** Where the callee leg goes: an extension's registered contact, or a number on a trunk. */
    record Target(String number, String name, Peer peer, String requestUri, Optional<TrunkRoute> trunk,
                  String callerId, io.callvault.core.Direction direction) {
    }

    void onInvite(ServerTransaction tx, SipRequest invite) {
        String dialled = invite.requestUri() instanceof SipUri u ? u.user().orElse("") : "";
        Optional<TrunkRoute> fromTrunk = routing.trunkAt(tx.peer().address());
        String callerNumber;
        Optional<Target> target;
        if (fromTrunk.isPresent()) {
            TrunkRoute trunk = fromTrunk.get();
            callerNumber = routing.normalise(invite.from().sipUri().user().orElse("anonymous"), trunk.country());
            Optional<String> extension = routing.didTarget(trunk, routing.normalise(dialled, trunk.country()));
            if (extension.isEmpty()) {
                tx.respond(SipResponse.to(invite, 404, "Not Found", Tags.random()));
                return;
            }
            target = extensionTarget(tx, invite, extension.get(), callerNumber, io.callvault.core.Direction.IN);
        } else {
            Optional<String> user = authenticate(tx, invite);
            if (user.isEmpty()) {
                return;
            }
            callerNumber = user.get();
            if (routing.isExtension(dialled)) {
                target = extensionTarget(tx, invite, dialled, callerNumber, io.callvault.core.Direction.INTERNAL);
            } else {
                target = outsideTarget(dialled, callerNumber);
                if (target.isEmpty()) {
                    tx.respond(SipResponse.to(invite, 404, "Not Found", Tags.random()));
                    return;
                }
            }
        }
        if (target.isEmpty()) {
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
        start(tx, invite, callerNumber, target.get(), (SdpBridge.Filtered.Ok) filtered);
    }

    /** Digest-authenticates an extension's INVITE (407 challenge); empty when a challenge was sent. */
    private Optional<String> authenticate(ServerTransaction tx, SipRequest invite) {
        switch (digest.verify(invite, true, credentials)) {
            case DigestChallenger.Verdict.Authenticated a -> {
                return Optional.of(a.username());
            }
            case DigestChallenger.Verdict.Stale s -> tx.respond(digest.challenge(invite, true, true, Tags.random()));
            case DigestChallenger.Verdict.Rejected r -> {
                LOG.debug("INVITE from {} challenged: {}", tx.peer(), r.reason());
                tx.respond(digest.challenge(invite, true, false, Tags.random()));
            }
        }
        return Optional.empty();
    }

    /** An extension's best registered contact; answers 404/480 itself and returns empty when there is none. */
    private Optional<Target> extensionTarget(ServerTransaction tx, SipRequest invite, String extension,
                                             String callerNumber, io.callvault.core.Direction direction) {
        if (!routing.isExtension(extension)) {
            tx.respond(SipResponse.to(invite, 404, "Not Found", Tags.random()));
            return Optional.empty();
        }
        Optional<Target> target = registeredExtension(extension, callerNumber, direction);
        if (target.isEmpty()) {
            tx.respond(SipResponse.to(invite, 480, "Temporarily Unavailable", Tags.random()));
        }
        return target;
    }

    /** An extension's best registered contact, presenting {@code callerId}; empty when it is not registered. */
    Optional<Target> registeredExtension(String extension, String callerId, io.callvault.core.Direction direction) {
        List<Binding> bindings = routing.bindings(extension);
        if (bindings.isEmpty()) {
            return Optional.empty();
        }
        Binding b = bindings.getFirst();
        return Optional.of(new Target(extension, routing.displayName(extension).orElse(""),
                new Peer(TransportKind.valueOf(b.transport()), b.source()), b.contactUri(), Optional.empty(),
                callerId, direction));
    }

    /** An outside number dialled (or transferred to) by an extension, on its trunk; empty if it cannot be called. */
    Optional<Target> outsideTarget(String dialled, String extension) {
        return routing.outbound(dialled, extension).map(out -> {
            TrunkRoute trunk = out.trunk();
            String host = trunk.peer().address().getAddress().getHostAddress();
            return new Target(out.e164(), "", trunk.peer(),
                    "sip:" + out.e164() + "@" + host + ":" + trunk.peer().address().getPort(),
                    Optional.of(trunk), out.callerId(), io.callvault.core.Direction.OUT);
        });
    }

    boolean isExtension(String number) {
        return routing.isExtension(number);
    }

    private void start(ServerTransaction tx, SipRequest invite, String callerNumber, Target target,
                       SdpBridge.Filtered.Ok offer) {
        NameAddr from = invite.from();
        Leg caller = new Leg(Side.CALLER, invite.callId(), invite.to().withTag(Tags.random()), from,
                invite.contacts().isEmpty() ? from : invite.contacts().getFirst(), tx.peer(), 1);
        String name = from.displayName().orElse(routing.displayName(callerNumber).orElse(""));
        Call call = new Call("call-" + Tags.random().substring(0, 8), tx, invite, caller, callerNumber, name,
                target.number(), ctx.clock().instant());
        call.trunk = target.trunk();
        call.direction = target.direction();
        call.party(Side.CALLEE, target.number(), target.name());
        try {
            call.media = ctx.media().open(new MediaAnchor.Participants(call.label, invite.callId().value(),
                    callerNumber, name, target.number(), target.name(), target.direction()));
        } catch (IOException e) {
            LOG.warn("{}: no media ports for a call from {} to {}: {}", call.label, callerNumber, target.number(),
                    e.getMessage());
            tx.respond(SipResponse.to(invite, 503, "Service Unavailable", caller.localTag()));
            return;
        }
        synchronized (call) {
            call.callerOffer = offer.sdp();
            call.callerSdp = offer.sdp();
            call.callerAudioIndex = offer.audioIndex();
            call.media.remote(Side.CALLER, offer.sdp(), offer.audioIndex());
            ctx.calls().add(call);
            Peer peer = target.peer();
            call.callee = newLeg(Side.CALLEE, target, name);
            ctx.calls().addLeg(call, call.callee);
            call.calleeBody = Body.of(ctx.sdp().anchored(offer.sdp(), offer.audioIndex(),
                    call.media.local(Side.CALLEE)).toBytes());
            call.calleeInvite = call.callee.request(Method.INVITE, ctx.transport()).withBody(SDP, call.calleeBody);
            LOG.info("{}: {} -> {} via {}", call.label, callerNumber, target.number(),
                    target.trunk().map(t -> "trunk " + t.name()).orElse(peer.toString()));
            if (call.media.playBeforeRinging(offer.sdp(), offer.audioIndex(), () -> ringAfterAnnouncement(call))) {
                call.announcing = true;
                call.state = Call.State.EARLY;
                call.callerInvite.respond(SipResponse.to(call.callerRequest, 183, "Session Progress",
                                call.caller.localTag())
                        .withHeader("Contact", call.caller.contact(ctx.transport()).toString())
                        .withBody(SDP, Body.of(ctx.sdp().anchored(offer.sdp(), offer.audioIndex(),
                                call.media.local(Side.CALLER)).toBytes())));
                LOG.info("{}: announcement to the caller before the callee is rung", call.label);
                // a safety net: the longest prompt is 120 s; never leave a caller waiting on a stuck announcement
                call.ringTimer = ctx.scheduler().schedule(MAX_ANNOUNCEMENT, () -> ringAfterAnnouncement(call));
            } else {
                ringCallee(call);
            }
        }
    }

    /**
     * A new dialog we start towards {@code target} (we are its UAC): a fresh Call-ID and tag, From showing
     * {@code displayName} and the target's caller id.
     */
    Leg newLeg(Side side, Target target, String displayName) {
        Peer peer = target.peer();
        String local = ctx.transport().localAddress(peer.transport()).getAddress().getHostAddress();
        String toHost = target.trunk().isPresent() ? peer.address().getAddress().getHostAddress() : local;
        NameAddr from = NameAddr.parse((displayName.isEmpty() ? "" : "\"" + displayName.replace("\"", "") + "\" ")
                + "<sip:" + target.callerId() + "@" + local + ">").withTag(Tags.random());
        NameAddr to = NameAddr.parse("<sip:" + target.number() + "@" + toHost + ">");
        return new Leg(side, new SipCallId(Tags.callId(local)), from, to,
                NameAddr.parse("<" + target.requestUri() + ">"), peer, 1);
    }

    /** Sends the callee leg's INVITE and starts the no-answer timer. Under the call's lock. */
    private void ringCallee(Call call) {
        if (call.ringTimer != null) {
            call.ringTimer.cancel();
        }
        call.calleeTx = ctx.layer().send(call.calleeInvite, call.callee.peer, new CalleeInviteListener(call));
        call.ringTimer = ctx.scheduler().schedule(ctx.ringTimeout(), () -> ringTimeout(call));
    }

    /** The caller has heard the early announcement (or declined it): ring the callee now, unless the call ended. */
    private void ringAfterAnnouncement(Call call) {
        synchronized (call) {
            if (!call.announcing || call.ended() || call.cancelled) {
                return;
            }
            call.announcing = false;
            ringCallee(call);
        }
    }

    /** Nobody answered in time: cancel the callee leg and tell the caller (480, RFC 3261 §21.4.18). */
    private void ringTimeout(Call call) {
        synchronized (call) {
            if (call.ended() || call.state == Call.State.ANSWERED || call.state == Call.State.CONFIRMED) {
                return;
            }
            LOG.info("{}: no answer within {}", call.label, ctx.ringTimeout());
            cancelCallee(call);
            failed(call, 480, "Temporarily Unavailable");
        }
    }

    /** A trunk challenged the callee leg's INVITE: send it again once with the trunk's credentials. */
    private boolean answerTrunkChallenge(Call call, SipResponse challenge) {
        if (call.trunk.isEmpty() || call.authAttempted) {
            return false;
        }
        call.authAttempted = true;
        Optional<SipRequest> again = withTrunkCredentials(call.trunk.get(), challenge, call.callee, call.calleeBody,
                call.calleeInvite, call.label);
        again.ifPresent(invite -> {
            call.calleeInvite = invite;
            call.calleeTx = ctx.layer().send(invite, call.callee.peer, new CalleeInviteListener(call));
        });
        return again.isPresent();
    }

    /**
     * The INVITE {@code sent} on {@code leg}, again, answering {@code trunk}'s challenge with its credentials
     * (RFC 3261 §22.2: same dialog identifiers, next CSeq, new branch; other header fields of {@code sent},
     * such as Referred-By, kept). Empty if there is nothing to answer with.
     */
    Optional<SipRequest> withTrunkCredentials(TrunkRoute trunk, SipResponse challenge, Leg leg, Body offer,
                                              SipRequest sent, String label) {
        Optional<String> password = trunk.username().isEmpty() ? Optional.empty() : trunk.password().get();
        if (password.isEmpty()) {
            return Optional.empty();
        }
        try {
            Header auth = new DigestClient(trunk.username().orElseThrow(), password.get())
                    .authorize(challenge, Method.INVITE, leg.remoteTarget.uri());
            SipRequest again = leg.request(Method.INVITE, ctx.transport()).withBody(SDP, offer);
            for (String extra : List.of("Referred-By")) {
                Optional<String> value = sent.headers().first(extra);
                if (value.isPresent()) {
                    again = again.withHeader(extra, value.get());
                }
            }
            return Optional.of(again.withHeader(auth.name(), auth.value()));
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot answer the challenge of trunk {}: {}", label, trunk.name(), e.getMessage());
            return Optional.empty();
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
                } else if ((r.status() == 401 || r.status() == 407) && !call.cancelled
                        && answerTrunkChallenge(call, r)) {
                    LOG.debug("{}: answered the trunk's {} challenge", call.label, r.status());
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
                if (call.announcing) { // the callee was never rung
                    call.announcing = false;
                    call.finalStatus = 487;
                    call.disposition = "cancelled";
                    dialogs.end(call, "caller");
                    return;
                }
                cancelCallee(call);
                // the callee's 487 (or a timeout) then ends the call through failed()
            }
        }, () -> inviteTx.respond(SipResponse.to(inviteTx.request(), 487, "Request Terminated", Tags.random())));
    }

        private void cancelCallee(Call call) {
        ctx.layer().send(cancelOf(call.calleeInvite), call.callee.peer, CallDialogs.IGNORE);
    }

    /** The CANCEL for an INVITE we sent (RFC 3261 §9.1: same Request-URI, Call-ID, From, To, Via, CSeq number). */
    static SipRequest cancelOf(SipRequest invite) {
        return SipRequest.builder(Method.CANCEL, invite.requestUri())
                .via(invite.topVia()).maxForwards(70).from(invite.from()).to(invite.to())
                .callId(invite.callId()).cseq(invite.cseq().number()).build();
    }

    static boolean isSdp(SipRequest r) {
        try {
            return r.contentType().map(t -> t.toLowerCase().startsWith(SDP)).orElse(false);
        } catch (SipParseException e) {
            return false;
        }
    }
}
