package io.callvault.sip.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay protection for qop=auth (RFC 7616 §3.4, §5.12): per nonce, the highest nonce-count accepted;
 * a count must rise. At most {@code capacity} nonces are tracked. When full, expired entries go first,
 * then the oldest; the newest issue time ever evicted becomes a watermark, and a nonce not tracked but
 * issued at or before it is "forgotten": the client is told the nonce is stale and gets a fresh one,
 * so eviction never opens a replay window. Thread-safe (one lock; the work under it is O(1) amortised).
 */
final class NonceTracker {
    enum Outcome { ACCEPTED, REPLAYED, FORGOTTEN }

    private record Entry(long issuedAt, long highestCount) {
    }

    private final int capacity;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long watermark = Long.MIN_VALUE;

    NonceTracker(int capacity) {
        this.capacity = capacity;
    }

    synchronized Outcome use(String nonce, long issuedAt, long count, long expiredBefore) {
        Entry entry = entries.get(nonce);
        if (entry == null) {
            if (issuedAt <= watermark) {
                return Outcome.FORGOTTEN;
            }
            makeRoom(expiredBefore);
            entries.put(nonce, new Entry(issuedAt, count));
            return Outcome.ACCEPTED;
        }
        if (count <= entry.highestCount()) {
            return Outcome.REPLAYED;
        }
        entries.put(nonce, new Entry(entry.issuedAt(), count));
        return Outcome.ACCEPTED;
    }

    synchronized int size() {
        return entries.size();
    }

    private void makeRoom(long expiredBefore) {
        if (entries.size() < capacity) {
            return;
        }
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            if (it.next().issuedAt() < expiredBefore) {
                it.remove();
            }
        }
        Iterator<Entry> oldest = entries.values().iterator();
        while (entries.size() >= capacity && oldest.hasNext()) {
            watermark = Math.max(watermark, oldest.next().issuedAt());
            oldest.remove();
        }
    }
}
