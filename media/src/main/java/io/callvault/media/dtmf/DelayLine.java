package io.callvault.media.dtmf;

import io.callvault.media.codec.G711;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DtmfMasker}'s hold-back buffer: the G.711 codes of the last {@code capacity} stream positions,
 * as received (with their law, so a change of payload type mid-call is transcoded on the way out), and the
 * spans of positions to mask. Audio is appended in position order; {@link #render} fills a payload with the
 * audio of earlier positions, masked where a span covers them. Not thread-safe.
 */
final class DelayLine {
    private static final byte NONE = 0;
    private static final byte ULAW = 1;
    private static final byte ALAW = 2;

    /** Positions {@code [from, to)} to mask; {@code to} is {@link Long#MAX_VALUE} while the key sounds. */
    static final class Span {
        private final long from;
        private long to = Long.MAX_VALUE;

        private Span(long from) {
            this.from = from;
        }
    }

    private final int capacity;
    private final byte[] codes;
    private final byte[] laws;
    private final Replacement replacement;
    private final List<Span> spans = new ArrayList<>();
    /** Positions below this have been appended; those from {@code end - capacity} on are still held. */
    private long end;

    DelayLine(int capacity, Replacement replacement) {
        this.capacity = capacity;
        this.codes = new byte[capacity];
        this.laws = new byte[capacity];
        this.replacement = replacement;
    }

    long end() {
        return end;
    }

    /** Appends {@code count} codes of {@code law} from {@code payload} index {@code from} (absolute). */
    void append(G711 law, ByteBuffer payload, int from, int count) {
        byte tag = law == G711.ULAW ? ULAW : ALAW;
        for (int i = 0; i < count; i++) {
            int at = index(end + i);
            codes[at] = payload.get(from + i);
            laws[at] = tag;
        }
        end += count;
    }

    /** Appends {@code count} positions that carried no audio. */
    void appendGap(long count) {
        for (long i = 0; i < Math.min(count, capacity); i++) {
            laws[index(end + i)] = NONE;
        }
        end += count;
    }

    Span open(long from) {
        Span span = new Span(from);
        spans.add(span);
        return span;
    }

    void close(Span span, long to) {
        span.to = Math.max(span.from, to);
    }

    /**
     * Writes the audio of positions {@code [from, from + count)} into {@code payload} indexes
     * {@code [0, count)}, encoded in {@code out}: what was received there, silence where nothing was (or the
     * position is no longer held, or precedes the stream), the replacement where a span covers it.
     *
     * @return true if a span covered any of the positions
     */
    boolean render(long from, int count, G711 out, ByteBuffer payload) {
        byte silence = out.encode(0);
        for (int i = 0; i < count; i++) {
            long q = from + i;
            byte code = silence;
            if (q >= 0 && q >= end - capacity && q < end) {
                int at = index(q);
                G711 law = laws[at] == ULAW ? G711.ULAW : laws[at] == ALAW ? G711.ALAW : null;
                if (law == out) {
                    code = codes[at];
                } else if (law != null) {
                    code = out.encode(law.decode(codes[at]));
                }
            }
            payload.put(i, code);
        }
        boolean masked = false;
        for (Span span : spans) {
            long a = Math.max(from, span.from);
            long b = Math.min(from + count, span.to);
            for (long q = a; q < b; q++) {
                payload.put((int) (q - from), replacement(q, out, silence));
                masked = true;
            }
        }
        return masked;
    }

    /** Forgets spans that end before every position still held: no output can reach them any more. */
    void prune() {
        spans.removeIf(span -> span.to <= end - capacity);
    }

    private byte replacement(long position, G711 out, byte silence) {
        return switch (replacement) {
            case Replacement.Silence s -> silence;
            case Replacement.Tone tone -> out.encode(tone.sample(position));
        };
    }

    private int index(long position) {
        return (int) Math.floorMod(position, (long) capacity);
    }
}
