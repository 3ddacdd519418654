package io.callvault.sip.transaction;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;

/**
 * The layer above the transactions (RFC 3261 §17, "TU"): in callvault the B2BUA. The transaction layer
 * calls it for what the TU must decide; everything the RFC gives to the transaction layer (100 Trying,
 * retransmissions, ACK for non-2xx finals, 200 to CANCEL, 481 to an unmatched CANCEL, 400 to malformed
 * requests) never reaches it.
 *
 * <p>Threading: callbacks for one server transaction arrive in order, one at a time, and never while
 * the transaction's lock is held, so the TU may call {@link ServerTransaction#respond} from inside
 * them. They run on transport I/O threads or scheduler threads and must not block.
 */
public interface TransactionUser {

    /**
     * A new request (never ACK, never CANCEL). The TU answers through {@code tx}; the layer has already
     * scheduled a 100 Trying for an INVITE the TU does not answer within 200 ms (§17.2.1).
     *
     * <p>Contract for a 2xx to an INVITE (RFC 6026 Accepted state): the server transaction sends it and
     * then absorbs retransmissions of the INVITE for 64*T1, but never retransmits the 2xx itself. The TU
     * retransmits it (through {@code tx.respond} again, or {@link TransactionLayer#sendStateless}) at
     * T1, 2*T1... capped at T2, until the ACK arrives in {@link #onAck} or 64*T1 pass (§13.3.1.4).
     * The TU must eventually send a final response to every request, or the transaction stays open.
     */
    void onRequest(ServerTransaction tx, SipRequest request);

    /**
     * An ACK that belongs to no transaction: the ACK for a 2xx (§13.3.1.4, §17.2.3), or one that matched
     * an INVITE server transaction in the Accepted state (RFC 6026 §8.7). ACKs for non-2xx finals are
     * absorbed by the layer.
     */
    void onAck(SipRequest ack, Peer from);

    /**
     * A CANCEL matched {@code inviteTx} while it was still Proceeding; the layer has already answered
     * 200 to the CANCEL (§9.2). The TU should answer 487 on {@code inviteTx} and cancel its other leg.
     * Called at most once per INVITE, after {@link #onRequest} for it.
     */
    void onCancel(ServerTransaction inviteTx, SipRequest cancel);

    /**
     * A 2xx to an INVITE for which no client transaction exists any more (a retransmission or another
     * fork after Timer M): the TU re-sends its ACK (§13.2.2.4). Other stray responses are dropped.
     */
    default void onStrayResponse(SipResponse response, Peer from) {
    }

    /**
     * Timer H fired: the peer never acknowledged the non-2xx final response of {@code inviteTx}
     * (§17.2.1). The transaction is terminated; nothing is required of the TU.
     */
    default void onAckTimeout(ServerTransaction inviteTx) {
    }

    /**
     * A response of {@code tx} could not be sent (§17.2.4), also after the §18.2.2 retry to the sent-by
     * port on TCP. The transaction is terminated.
     */
    default void onTransportError(ServerTransaction tx, IOException error) {
    }
}
