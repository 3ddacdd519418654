package io.callvault.sip.transaction;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The cumulative counts behind {@link TransactionStats}. Thread-safe. */
final class TransactionCounters {
    final LongAdder created = new LongAdder();
    final LongAdder retransmissionsSent = new LongAdder();
    final LongAdder retransmissionsReceived = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder transportErrors = new LongAdder();
    final LongAdder parseFailuresAnswered = new LongAdder();
    final LongAdder parseFailuresDropped = new LongAdder();
    final LongAdder strayResponses = new LongAdder();
    final LongAdder unmatchedCancels = new LongAdder();
    final LongAdder responsesDropped = new LongAdder();
    final LongAdder callbackErrors = new LongAdder();

    TransactionStats snapshot(Map<String, Integer> openByState) {
        return new TransactionStats(openByState, created.sum(), retransmissionsSent.sum(),
                retransmissionsReceived.sum(), timeouts.sum(), transportErrors.sum(), parseFailuresAnswered.sum(),
                parseFailuresDropped.sum(), strayResponses.sum(), unmatchedCancels.sum(), responsesDropped.sum(),
                callbackErrors.sum());
    }
}
