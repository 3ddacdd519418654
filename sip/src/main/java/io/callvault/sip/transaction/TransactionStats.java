package io.callvault.sip.transaction;

import java.util.Map;

/**
 * What the transaction layer has done, for metrics ({@link TransactionLayer#stats()}).
 *
 * @param openByState transactions open now, keyed {@code "<machine>.<state>"}, e.g.
 *     {@code "invite-server.PROCEEDING"}; states with none are absent
 * @param created transactions created, client and server
 * @param retransmissionsSent requests, responses and ACKs the layer sent again (timers A, E, G, or
 *     answering a retransmission)
 * @param retransmissionsReceived retransmitted requests and responses a transaction absorbed
 * @param timeouts Timer B, F (no final response) and H (no ACK) expiries
 * @param transportErrors sends that failed
 * @param parseFailuresAnswered malformed requests answered 4xx/5xx from their partial header fields
 * @param parseFailuresDropped malformed messages that could not be answered (responses, ACKs, no Via...)
 * @param strayResponses responses that matched no client transaction
 * @param unmatchedCancels CANCELs answered 481
 * @param responsesDropped responses from the TU that the transaction state no longer allowed
 * @param callbackErrors exceptions thrown by TU callbacks (a defect in the TU)
 */
public record TransactionStats(Map<String, Integer> openByState, long created, long retransmissionsSent,
        long retransmissionsReceived, long timeouts, long transportErrors, long parseFailuresAnswered,
        long parseFailuresDropped, long strayResponses, long unmatchedCancels, long responsesDropped,
        long callbackErrors) {

    public TransactionStats {
        openByState = Map.copyOf(openByState);
    }
}
