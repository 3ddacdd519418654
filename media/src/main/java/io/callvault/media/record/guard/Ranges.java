package io.callvault.media.record.guard;

import java.util.ArrayList;
import java.util.List;

/** Half-open sample ranges [start, end); small, so a list is enough. Not thread-safe. */
final class Ranges {
    private final List<long[]> ranges = new ArrayList<>();

    void add(long start, long end) {
        if (end > start) {
            ranges.add(new long[] {start, end});
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean contains(long t) {
        for (long[] r : ranges) {
            if (t >= r[0] && t < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Moves the end of the most recently added range to {@code end} (not before its start). */
    void endLast(long end) {
        if (!ranges.isEmpty()) {
            long[] last = ranges.getLast();
            last[1] = Math.max(last[0], end);
        }
    }

    /** Forgets ranges that end at or before {@code t}: they cannot matter any more. */
    void dropBefore(long t) {
        ranges.removeIf(r -> r[1] <= t);
    }
}
