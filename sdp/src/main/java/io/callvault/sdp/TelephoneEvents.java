package io.callvault.sdp;

import java.util.BitSet;
import java.util.Optional;

/**
 * The set of RFC 4733 events a telephone-event payload type carries, as written in its {@code a=fmtp}
 * (RFC 4733 §2.4.1): comma-separated event numbers 0–255 and ranges, e.g. {@code 0-15} or {@code 0-11,16}.
 * Without an fmtp, events 0–15 (the DTMF digits) are assumed. Immutable.
 */
public final class TelephoneEvents {
    /** The DTMF digits 0–9, *, #, A–D (RFC 4733 §3.2). */
    public static final TelephoneEvents DTMF = range(0, 15);
    /** DTMF and hook flash (event 16). */
    public static final TelephoneEvents DTMF_AND_FLASH = range(0, 16);

    private final BitSet events;

    private TelephoneEvents(BitSet events) {
        this.events = events;
    }

    public static TelephoneEvents range(int first, int last) {
        if (first < 0 || last > 255 || first > last) {
            throw new IllegalArgumentException("telephone event range must lie within 0-255: " + first + "-" + last);
        }
        BitSet set = new BitSet(256);
        set.set(first, last + 1);
        return new TelephoneEvents(set);
    }

    /** Parses an fmtp event list; empty when it is malformed or lists no event. */
    public static Optional<TelephoneEvents> parse(String fmtp) {
        BitSet set = new BitSet(256);
        for (String part : fmtp.strip().split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            int first = number(dash < 0 ? p : p.substring(0, dash));
            int last = dash < 0 ? first : number(p.substring(dash + 1));
            if (first < 0 || last < first) {
                return Optional.empty();
            }
            set.set(first, last + 1);
        }
        return set.isEmpty() ? Optional.empty() : Optional.of(new TelephoneEvents(set));
    }

    /** What an offered telephone-event payload type carries: its fmtp, or 0–15 without one. */
    public static Optional<TelephoneEvents> offeredBy(MediaDescription media, int payloadType) {
        return media.fmtp(payloadType).map(TelephoneEvents::parse).orElse(Optional.of(DTMF));
    }

    public boolean contains(int event) {
        return event >= 0 && event < 256 && events.get(event);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public TelephoneEvents intersect(TelephoneEvents other) {
        BitSet set = (BitSet) events.clone();
        set.and(other.events);
        return new TelephoneEvents(set);
    }

    /** The fmtp form, ranges merged: {@code 0-15}, {@code 0-11,16}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int first = events.nextSetBit(0); first >= 0; ) {
            int end = events.nextClearBit(first);
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(first);
            if (end - 1 > first) {
                out.append('-').append(end - 1);
            }
            first = events.nextSetBit(end);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelephoneEvents t && t.events.equals(events);
    }

    @Override
    public int hashCode() {
        return events.hashCode();
    }

    private static int number(String s) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int v = Integer.parseInt(s);
        return v <= 255 ? v : -1;
    }
}
