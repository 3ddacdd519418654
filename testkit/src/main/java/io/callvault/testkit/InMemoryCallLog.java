package io.callvault.testkit;

import io.callvault.vault.spi.CallLog;
import io.callvault.vault.spi.CallRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link CallLog} in memory, for unit tests of other classes. */
public final class InMemoryCallLog implements CallLog {
    private final List<CallRecord> calls = new ArrayList<>();

    @Override
    public synchronized void add(CallRecord call) {
        calls.add(call);
    }

    @Override
    public synchronized List<CallRecord> recent(int offset, int limit) {
        List<CallRecord> sorted = new ArrayList<>(calls);
        java.util.Collections.reverse(sorted); // later insertions first among equal start times
        sorted.sort(Comparator.comparing(CallRecord::startedAt).reversed());
        return sorted.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized List<CallRecord> byCallId(String callId) {
        return calls.stream().filter(c -> c.callId().equals(callId)).toList();
    }
}
