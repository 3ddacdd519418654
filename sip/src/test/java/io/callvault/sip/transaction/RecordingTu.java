package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A TU that records every callback as a line such as {@code "request INVITE"} and checks, in each
 * callback, that the transaction's lock is not held (the layer's contract).
 */
final class RecordingTu implements TransactionUser {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<ServerTransaction> transactions = new CopyOnWriteArrayList<>();
    final List<SipRequest> acks = new CopyOnWriteArrayList<>();
    final List<SipResponse> strays = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<ServerTransaction, SipRequest> onRequest = (tx, r) -> { };

    /** What to do with each new request, e.g. answer it at once. */
    RecordingTu answering(BiConsumer<ServerTransaction, SipRequest> action) {
        onRequest = action;
        return this;
    }

    private static void unlocked(ServerTransaction tx) {
        assertThat(((Transaction) tx).lock.isHeldByCurrentThread()).as("TU called under the lock").isFalse();
    }

    @Override
    public void onRequest(ServerTransaction tx, SipRequest request) {
        unlocked(tx);
        transactions.add(tx);
        events.add("request " + request.method());
        onRequest.accept(tx, request);
    }

    @Override
    public void onAck(SipRequest ack, Peer from) {
        acks.add(ack);
        events.add("ack");
    }

    @Override
    public void onCancel(ServerTransaction inviteTx, SipRequest cancel) {
        unlocked(inviteTx);
        events.add("cancel");
    }

    @Override
    public void onStrayResponse(SipResponse response, Peer from) {
        strays.add(response);
        events.add("stray " + response.status());
    }

    @Override
    public void onAckTimeout(ServerTransaction inviteTx) {
        unlocked(inviteTx);
        events.add("ack timeout");
    }

    @Override
    public void onTransportError(ServerTransaction tx, IOException error) {
        unlocked(tx);
        events.add("transport error");
    }

    ServerTransaction lastTx() {
        return transactions.get(transactions.size() - 1);
    }
}
