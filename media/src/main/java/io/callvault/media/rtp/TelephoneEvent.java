package io.callvault.media.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The RFC 4733 §2.3 telephone-event payload:
 *
 * <pre>
 *  0                   1                   2                   3
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 *
 * {@code event} 0–255 (0–9, *, #, A–D are the DTMF keys 0–15, 16 is flash, §3.2), {@code end} set on the
 * packets that end the event, {@code volume} the power level in −dBm0 (0–63), {@code duration} in
 * timestamp units since the event began. The reserved bit is ignored on reading and written as 0.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    public static final int LENGTH = 4;
    private static final String KEYS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (event < 0 || event > 255) {
            throw new IllegalArgumentException("event must be 0 to 255, not " + event);
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume must be 0 to 63 (-dBm0), not " + volume);
        }
        if (duration < 0 || duration > 0xffff) {
            throw new IllegalArgumentException("duration must be 0 to 65535 timestamp units, not " + duration);
        }
    }

    /**
     * Reads the event at {@code payload}'s position without moving it; empty when fewer than 4 bytes
     * remain. Packets carrying several events (RFC 4733 §2.5.1.5 with RFC 2198 redundancy) are read one
     * 4-byte block at a time by the caller.
     */
    public static Optional<TelephoneEvent> read(ByteBuffer payload) {
        if (payload.remaining() < LENGTH) {
            return Optional.empty();
        }
        int p = payload.position();
        int flags = payload.get(p + 1) & 0xff;
        return Optional.of(new TelephoneEvent(payload.get(p) & 0xff, (flags & 0x80) != 0, flags & 0x3f,
                payload.getShort(p + 2) & 0xffff));
    }

    /** Writes the 4 bytes at {@code out}'s position and advances it. */
    public void write(ByteBuffer out) {
        out.put((byte) event).put((byte) ((end ? 0x80 : 0) | volume)).putShort((short) duration);
    }

    /** True for the sixteen DTMF keys (events 0–15). */
    public boolean isDtmf() {
        return event < KEYS.length();
    }

    /** "0"–"9", "*", "#", "A"–"D", "flash", or "event N". */
    public String label() {
        if (isDtmf()) {
            return String.valueOf(KEYS.charAt(event));
        }
        return event == 16 ? "flash" : "event " + event;
    }
}
