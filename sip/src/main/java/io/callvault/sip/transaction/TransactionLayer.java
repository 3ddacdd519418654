package io.callvault.sip.transaction;

import io.callvault.core.time.Scheduler;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.Via;
import io.callvault.sip.transport.InboundHandler;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.SipTransport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 3261 §17 transaction layer: matches what the transport delivers to transactions (§17.1.3,
 * §17.2.3), runs the four state machines on an injected {@link Scheduler}, and answers on the TU's
 * behalf where the RFC puts that in this layer: 100 Trying (§17.2.1), retransmissions, the ACK for a
 * non-2xx final (§17.1.1.3), 200 or 481 to a CANCEL (§9.2), and 4xx/5xx to a request that failed to
 * parse but whose Via, From, To, Call-ID and CSeq could be read (§8.2.6, §18.3). Everything else is
 * the {@link TransactionUser}'s.
 *
 * <p>Responses to requests we received go back to the request's source address and port over the
 * same transport and connection (symmetric, as with rport, RFC 3581), even when the client did not ask
 * for rport: phones behind NAT need it and listen where they send from. Responses are matched to
 * client transactions by branch and CSeq method only; the sent-by check of §18.1.2 is left out
 * because our branches are 128-bit random values.
 *
 * <p>Thread-safety: transactions live in concurrent maps; each guards its state with its own lock and
 * calls the TU outside it, in order (see {@code Transaction}). All methods may be called from any
 * thread.
 */
public final class TransactionLayer implements InboundHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);

    private final TxContext ctx;
    private final TransactionCounters counters = new TransactionCounters();
    private final ConcurrentHashMap<TransactionKey.Client, Transaction> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TransactionKey.Server, Transaction> servers = new ConcurrentHashMap<>();

    public TransactionLayer(SipTransport transport, Scheduler scheduler, SipTimers timers, TransactionUser tu) {
        this.ctx = new TxContext(Objects.requireNonNull(transport, "transport"),
                Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(timers, "timers"), counters,
                Objects.requireNonNull(tu, "tu"), this::forget);
    }

    /** A new RFC 3261 branch: the magic cookie and 128 random bits (§8.1.1.7). */
    public static String newBranch() {
        return Via.MAGIC_COOKIE + Responses.randomHex(16);
    }

    /**
     * Starts a client transaction for {@code request} (not ACK) to {@code to} and sends it. The caller
     * sets the top Via, with a branch from {@link #newBranch()}. A CANCEL reuses its INVITE's branch and
     * may only be sent once the INVITE has had a provisional response (§9.1); it is its own transaction.
     * The listener may be called before this method returns (e.g. a transport error).
     *
     * @throws IllegalArgumentException for an ACK, or a top Via without an RFC 3261 branch
     * @throws IllegalStateException if a transaction with that branch and method exists already
     */
    public ClientTransaction send(SipRequest request, Peer to, ClientListener listener) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(listener, "listener");
        if (Method.ACK.equals(request.method())) {
            throw new IllegalArgumentException("an ACK has no client transaction: the INVITE transaction sends"
                    + " the ACK for 3xx-6xx, the TU sends the ACK for 2xx with sendStateless (§17.1.1.3, §13.2.2.4)");
        }
        if (!request.topVia().hasRfc3261Branch()) {
            throw new IllegalArgumentException("top Via '" + request.topVia() + "' lacks an RFC 3261 branch;"
                    + " use TransactionLayer.newBranch() (§8.1.1.7)");
        }
        TransactionKey.Client key = TransactionKey.Client.of(request);
        boolean invite = Method.INVITE.equals(request.method());
        Transaction tx = invite ? new InviteClientTransaction(ctx, key, request, to, listener)
                : new NonInviteClientTransaction(ctx, key, request, to, listener);
        if (clients.putIfAbsent(key, tx) != null) {
            throw new IllegalStateException("a client transaction with branch " + key.branch() + " and method "
                    + key.method() + " is open; every new request needs a new branch (§8.1.1.7)");
        }
        counters.created.increment();
        if (tx instanceof InviteClientTransaction ict) {
            ict.start();
        } else {
            ((NonInviteClientTransaction) tx).start();
        }
        return (ClientTransaction) tx;
    }

    /**
     * Sends outside any transaction: the ACK for a 2xx, and the TU's 2xx retransmissions. Failures are
     * counted and logged at DEBUG; the TU's own timers recover from them.
     */
    public void sendStateless(SipMessage message, Peer to) {
        ctx.send(message, to).whenComplete((ok, failure) -> {
            if (failure != null) {
                counters.transportErrors.increment();
                LOG.debug("stateless send to {} failed", to, failure);
            }
        });
    }

    @Override
    public void onMessage(SipMessage message, Peer from) {
        switch (message) {
            case SipRequest request -> onRequest(request, from);
            case SipResponse response -> onResponse(response, from);
        }
    }

    private void onResponse(SipResponse response, Peer from) {
        Transaction tx = TransactionKey.Client.of(response).map(clients::get).orElse(null);
        switch (tx) {
            case InviteClientTransaction ict -> ict.onResponse(response);
            case NonInviteClientTransaction nict -> nict.onResponse(response);
            case null, default -> {
                counters.strayResponses.increment();
                if (response.isSuccess() && Method.INVITE.equals(response.cseq().method())) {
                    callTu(() -> ctx.tu().onStrayResponse(response, from));
                }
            }
        }
    }

    private void onRequest(SipRequest request, Peer from) {
        TransactionKey.Server key = TransactionKey.Server.of(request);
        Transaction existing = servers.get(key);
        if (Method.ACK.equals(request.method())) {
            if (existing instanceof InviteServerTransaction ist) {
                ist.onAck(request, from);
            } else {
                callTu(() -> ctx.tu().onAck(request, from));
            }
            return;
        }
        if (existing != null) {
            retransmission(existing);
            return;
        }
        boolean cancel = Method.CANCEL.equals(request.method());
        Transaction created = Method.INVITE.equals(request.method())
                ? new InviteServerTransaction(ctx, key, request, from)
                : new NonInviteServerTransaction(ctx, key, request, from, !cancel);
        Transaction raced = servers.putIfAbsent(key, created);
        if (raced != null) {
            retransmission(raced);
            return;
        }
        counters.created.increment();
        switch (created) {
            case InviteServerTransaction ist -> ist.start();
            case NonInviteServerTransaction nist when cancel -> answerCancel(nist, request);
            case NonInviteServerTransaction nist -> nist.start();
            default -> throw new IllegalStateException("not a server transaction: " + created);
        }
    }

    private static void retransmission(Transaction tx) {
        switch (tx) {
            case InviteServerTransaction ist -> ist.onRetransmission();
            case NonInviteServerTransaction nist -> nist.onRetransmission();
            default -> throw new IllegalStateException("not a server transaction: " + tx);
        }
    }

    /**
     * §9.2: a CANCEL whose INVITE server transaction exists is answered 200 (with the INVITE's To tag when
     * one was sent), and the TU hears onCancel if the INVITE is still Proceeding; otherwise 481. Only
     * INVITEs are looked up: a CANCEL for a non-INVITE request (which UACs should not send, §9.1) gets 481.
     */
    private void answerCancel(NonInviteServerTransaction cancelTx, SipRequest cancel) {
        Transaction target = servers.get(TransactionKey.Server.cancelTarget(cancel));
        if (target instanceof InviteServerTransaction invite) {
            String tag = invite.toTag().orElseGet(Responses::newTag);
            cancelTx.respond(SipResponse.to(cancel, 200, "OK", tag));
            invite.cancel(cancel);
        } else {
            counters.unmatchedCancels.increment();
            cancelTx.respond(SipResponse.to(cancel, 481, SipResponse.defaultReason(481), Responses.newTag()));
        }
    }

    /**
     * A request that failed to parse is answered statelessly from its partial header fields (400, or 413,
     * 414, 505, 513 as the parser decided), with the parser's reason sanitised into the reason phrase;
     * anything that cannot be answered (responses, ACKs, no usable Via/From/To/Call-ID/CSeq) is dropped
     * and counted (§8.2.6, §18.1.2).
     */
    @Override
    public void onParseFailure(ParseResult.Failed failure, byte[] raw, Peer from) {
        Optional<SipResponse> answer = failure.partial().flatMap(p -> p.rejection(Responses.newTag()));
        if (answer.isEmpty()) {
            counters.parseFailuresDropped.increment();
            return;
        }
        counters.parseFailuresAnswered.increment();
        sendStateless(Responses.withDiagnostic(answer.get(), failure.reason()), from);
    }

    private void callTu(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException defect) {
            counters.callbackErrors.increment();
            LOG.warn("SIP transaction user callback failed", defect);
        }
    }

    private void forget(Transaction tx) {
        if (tx.key instanceof TransactionKey.Client k) {
            clients.remove(k, tx);
        } else if (tx.key instanceof TransactionKey.Server k) {
            servers.remove(k, tx);
        }
    }

    /** What the layer has done and the transactions open now, by machine and state. */
    public TransactionStats stats() {
        Map<String, Integer> open = new TreeMap<>();
        for (Map<?, Transaction> map : List.<Map<?, Transaction>>of(clients, servers)) {
            for (Transaction tx : map.values()) {
                open.merge(tx.machine() + "." + tx.stateName(), 1, Integer::sum);
            }
        }
        return counters.snapshot(open);
    }

    /** Stops every timer and forgets every transaction, without calling anyone. For shutdown. */
    @Override
    public void close() {
        for (Map<?, Transaction> map : List.<Map<?, Transaction>>of(clients, servers)) {
            for (Transaction tx : List.copyOf(map.values())) {
                tx.locked(tx::abandon);
            }
        }
    }
}
