package io.callvault.sip.transaction;

import io.callvault.sip.message.SipResponse;
import java.io.IOException;

/**
 * What a client transaction reports to its TU (RFC 3261 §17.1). Calls for one transaction arrive in
 * order, one at a time, never under the transaction's lock, on I/O or scheduler threads; they must
 * not block. After a final response, {@link #onTimeout} and {@link #onTransportError} are not called.
 */
public interface ClientListener {

    /**
     * A response: every provisional, the first final, and for an INVITE every 2xx (retransmissions and
     * other forks) during the RFC 6026 Accepted state. The TU acknowledges each 2xx itself (§13.2.2.4);
     * the transaction acknowledges 3xx-6xx and absorbs their retransmissions.
     */
    void onResponse(SipResponse response);

    /** Timer B or F fired without a final response (§17.1.1.2, §17.1.2.2); act as for a 408. */
    void onTimeout();

    /** The request could not be sent (§17.1.4); act as for a 503. */
    void onTransportError(IOException error);
}
