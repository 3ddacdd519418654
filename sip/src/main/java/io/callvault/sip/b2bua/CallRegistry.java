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
    /** @param leg the dialog the message came on: the call's current leg on {@code side}, or one a transfer retired */
    record Found(Call call, Side side, Leg leg) {
        boolean current() {
            return call.leg(side) == leg;
        }
    }

    private final Map<String, Found> byDialog = new ConcurrentHashMap<>();
    private final Map<ServerTransaction, Call> byInvite = new ConcurrentHashMap<>();

    void add(Call call) {
        byInvite.put(call.callerInvite, call);
        addLeg(call, call.caller);
    }

    /** Requests on {@code leg}'s dialog now belong to {@code call}, on the leg's side. */
    void addLeg(Call call, Leg leg) {
        byDialog.put(key(leg.callId.value(), leg.localTag()), new Found(call, leg.side, leg));
    }

    void removeLeg(Leg leg) {
        byDialog.remove(key(leg.callId.value(), leg.localTag()));
    }

    void remove(Call call) {
        byInvite.remove(call.callerInvite);
        call.allLegs().forEach(this::removeLeg);
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
