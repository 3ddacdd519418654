package io.callvault.sip.transaction;

import io.callvault.core.time.Scheduler;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.SipTransport;
import io.callvault.sip.transport.TransportKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** What every transaction of one layer shares. {@code terminated} removes a transaction from its map. */
record TxContext(SipTransport transport, Scheduler scheduler, SipTimers timers, TransactionCounters counters,
        TransactionUser tu, Consumer<Transaction> terminated) {

    /** Sends without ever throwing: a fault thrown by the transport becomes a failed stage. */
    CompletionStage<Void> send(SipMessage message, Peer to) {
        try {
            return transport.sendAsync(message, to);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IOException("cannot send to " + to + ": " + e, e));
        }
    }

    /**
     * Sends a response to the peer the request came from (symmetric, RFC 3581). Over TCP, if that
     * connection is gone and the send fails, tries once more to the source IP at the sent-by port of
     * the top Via, 5060 by default (RFC 3261 §18.2.2).
     */
    CompletionStage<Void> sendResponse(SipResponse response, Peer to) {
        CompletionStage<Void> first = send(response, to);
        if (to.transport() != TransportKind.TCP) {
            return first;
        }
        int port;
        try {
            port = response.topVia().port().orElse(5060);
        } catch (RuntimeException noUsableVia) {
            return first;
        }
        Peer fallback = Peer.tcp(new InetSocketAddress(to.address().getAddress(), port));
        if (fallback.equals(to)) {
            return first;
        }
        return first.exceptionallyCompose(e -> send(response, fallback));
    }

    static IOException unwrap(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
    }
}
