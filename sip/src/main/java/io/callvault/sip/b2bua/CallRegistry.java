package io.callvault.sip.b2bua;

import io.callvault.sip.message.SipMessage;
import io.callvault.sip.transaction.ServerTransaction;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the call a message belongs to: by dialog (Call-ID plus our tag, RFC 3261 §12.2.2) and, for
 * CANCEL, by the caller's INVITE transaction. Thread-safe.
 */
final class CallRegistry {
    record Found(Call call, Side side) {
    }

    private final Map<String, Found> byDialog = new ConcurrentHashMap<>();
    private final Map<ServerTransaction, Call> byInvite = new ConcurrentHashMap<>();

    void add(Call call) {
        byInvite.put(call.callerInvite, call);
        byDialog.put(key(call.caller.callId.value(), call.caller.localTag()), new Found(call, Side.CALLER));
    }

    void addCallee(Call call) {
        byDialog.put(key(call.callee.callId.value(), call.callee.localTag()), new Found(call, Side.CALLEE));
    }

    void remove(Call call) {
        byInvite.remove(call.callerInvite);
        byDialog.remove(key(call.caller.callId.value(), call.caller.localTag()));
        if (call.callee != null) {
            byDialog.remove(key(call.callee.callId.value(), call.callee.localTag()));
        }
    }

    /** The call and side of an in-dialog request: our tag is in its To. */
    Optional<Found> forRequest(SipMessage request) {
        return request.to().tag().map(tag -> byDialog.get(key(request.callId().value(), tag)));
    }

    Optional<Call> forInvite(ServerTransaction tx) {
        return Optional.ofNullable(byInvite.get(tx));
    }

    Collection<Call> all() {
        return byInvite.values();
    }

    int size() {
        return byInvite.size();
    }

    private static String key(String callId, String tag) {
        return callId + "\u0000" + tag;
    }
}
