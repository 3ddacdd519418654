package io.callvault.sip.transaction;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.util.Optional;

/** A request we received and its answer (RFC 3261 §17.2). Thread-safe. */
public interface ServerTransaction {

    /** The request that created the transaction (the top Via stamped with received/rport). */
    SipRequest request();

    /** Where the request came from; every response goes back there (RFC 3581 symmetric routing). */
    Peer peer();

    /**
     * Sends {@code response} through the state machine: provisional responses are remembered and
     * re-sent on request retransmissions, non-2xx finals are retransmitted over UDP until ACKed or
     * timed out. A response the state no longer allows (e.g. a 487 after the 200 went out, or anything
     * after termination) is dropped and counted, never thrown, because such races are normal. The
     * response's CSeq must be the request's ({@link SipResponse#to} builds one that is).
     *
     * @throws IllegalArgumentException if the CSeq does not match the request
     */
    void respond(SipResponse response);

    boolean isTerminated();

    /** The last response sent, including a 100 Trying sent by the layer; empty before the first. */
    Optional<SipResponse> lastResponse();
}
