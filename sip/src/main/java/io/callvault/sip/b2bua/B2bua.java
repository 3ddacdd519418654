package io.callvault.sip.b2bua;

import io.callvault.core.time.Scheduler;
import io.callvault.sip.auth.CredentialStore;
import io.callvault.sip.auth.DigestChallenger;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.registrar.LocationService;
import io.callvault.sip.transaction.ServerTransaction;
import io.callvault.sip.transaction.SipTimers;
import io.callvault.sip.transaction.TransactionLayer;
import io.callvault.sip.transaction.TransactionUser;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * callvault's SIP transaction user: registrar for the extensions, and back-to-back user agent for their
 * calls (each call two dialogs, media anchored through {@link MediaAnchor}). Requests are dispatched here;
 * the work is in {@link Registrar}, {@link CallSetup} and {@link CallDialogs}.
 */
public final class B2bua implements TransactionUser {
    private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, UPDATE, REFER, NOTIFY";

    private final Registrar registrar;
    private final CallSetup setup;
    private final CallDialogs dialogs;
    private final CallRegistry calls = new CallRegistry();
    private volatile TransactionLayer layer;

    /** Collaborators; the transaction layer is attached afterwards ({@link #attach}) since it needs us. */
    /** @param ringTimeout how long a callee may ring before the call is given up as not answered */
    public record Config(SipTransport transport, Scheduler scheduler, SipTimers timers, DigestChallenger digest,
                         CredentialStore credentials, Routing routing, LocationService location, MediaAnchor media,
                         CallEvents events, java.time.Duration ringTimeout) {
    }

    private final Config config;

    public B2bua(Config config) {
        this.config = config;
        this.registrar = new Registrar(config.digest(), config.credentials(), config.location(),
                config.scheduler().clock(), config.routing());
        B2buaContext ctx = new B2buaContext(this::layer, config.transport(), config.scheduler(), config.timers(),
                config.media(), new SdpBridge(), calls, config.events(), config.ringTimeout());
        this.dialogs = new CallDialogs(ctx);
        this.setup = new CallSetup(ctx, config.digest(), config.credentials(), config.routing(), dialogs);
        dialogs.attach(new CallTransfer(ctx, setup, dialogs));
    }

    public void attach(TransactionLayer transactionLayer) {
        this.layer = transactionLayer;
    }

    TransactionLayer layer() {
        TransactionLayer l = layer;
        if (l == null) {
            throw new IllegalStateException("B2bua used before attach(TransactionLayer)");
        }
        return l;
    }

    /** Calls in progress or established. */
    public int activeCalls() {
        return calls.size();
    }

    @Override
    public void onRequest(ServerTransaction tx, SipRequest request) {
        try {
            dispatch(tx, request);
        } catch (SipParseException e) {
            tx.respond(SipResponse.to(request, 400, "Bad Request"));
        } catch (RuntimeException e) {
            LOG.error("Internal error handling {} from {}", request.method(), tx.peer(), e);
            tx.respond(SipResponse.to(request, 500, "Server Internal Error"));
        }
    }

    private void dispatch(ServerTransaction tx, SipRequest request) {
        Method m = request.method();
        java.util.List<String> unsupported = Extensions.unsupported(request);
        if (!unsupported.isEmpty() && !m.equals(Method.CANCEL)) {
            // RFC 3261 §8.2.2.3: a Require we do not support is refused with 420 and Unsupported
            tx.respond(SipResponse.to(request, 420, "Bad Extension", Tags.random())
                    .withHeader("Unsupported", String.join(", ", unsupported)));
            return;
        }
        boolean inDialog = request.to().tag().isPresent();
        if (m.equals(Method.REGISTER)) {
            registrar.onRegister(tx, request);
        } else if (inDialog) {
            dialogs.onInDialog(tx, request);
        } else if (m.equals(Method.INVITE)) {
            setup.onInvite(tx, request);
        } else if (m.equals(Method.OPTIONS)) {
            tx.respond(SipResponse.to(request, 200, "OK", Tags.random()).withHeader("Allow", ALLOW)
                    .withHeader("Accept", CallSetup.SDP));
        } else if (m.equals(Method.BYE)) {
            tx.respond(SipResponse.to(request, 481, "Call/Transaction Does Not Exist"));
        } else {
            tx.respond(SipResponse.to(request, 405, "Method Not Allowed", Tags.random()).withHeader("Allow", ALLOW));
        }
    }

    @Override
    public void onAck(SipRequest ack, Peer from) {
        dialogs.onAck(ack, from);
    }

    @Override
    public void onCancel(ServerTransaction inviteTx, SipRequest cancel) {
        setup.onCancel(inviteTx, cancel);
    }
}
