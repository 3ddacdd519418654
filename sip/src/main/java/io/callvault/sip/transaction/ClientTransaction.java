package io.callvault.sip.transaction;

import io.callvault.sip.message.SipRequest;
import io.callvault.sip.transport.Peer;

/** A request we sent and its answers (RFC 3261 §17.1); see {@link TransactionLayer#send}. Thread-safe. */
public interface ClientTransaction {

    SipRequest request();

    Peer peer();

    boolean isTerminated();
}
