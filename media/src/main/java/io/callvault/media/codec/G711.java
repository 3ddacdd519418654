package io.callvault.media.codec;

import java.nio.ByteBuffer;

/**
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit µ-law ({@link #ULAW}, RTP payload type 0, PCMU)
 * or A-law ({@link #ALAW}, payload type 8, PCMA), at 8000 samples per second (RFC 3551 §4.5.14).
 *
 * <p>Bit-exact with the ITU-T G.191 Software Tool Library reference ({@code g711.c}: {@code ulaw_compress},
 * {@code ulaw_expand}, {@code alaw_compress}, {@code alaw_expand}): decoding yields the segment midpoints of
 * G.711 tables 1a/2a scaled to 16 bits (µ-law ±32124, A-law ±32256 at most); encoding takes the 14 (µ-law)
 * or 13 (A-law) most significant bits, negative values by one's complement as the reference does, so that
 * {@code -1} encodes to a negative zero. µ-law has two zeros: 0xFF (+0) and 0x7F (−0), both decoding to 0,
 * and 0 encodes to 0xFF; every other code survives {@code encode(decode(code))}.
 *
 * <p>Stateless and thread-safe.
 */
public enum G711 {
    ULAW(0, "PCMU"),
    ALAW(8, "PCMA");

    private final int payloadType;
    private final String encodingName;

    G711(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    /** The static RTP payload type (RFC 3551 table 4). */
    public int payloadType() {
        return payloadType;
    }

    /** The SDP encoding name, as in {@code a=rtpmap:0 PCMU/8000}. */
    public String encodingName() {
        return encodingName;
    }

    /** The linear value of code {@code code} (its low 8 bits). */
    public short decode(int code) {
        return (this == ULAW ? Tables.ULAW_DECODE : Tables.ALAW_DECODE)[code & 0xff];
    }

    /** The code for {@code sample}; values outside the 16-bit range are clamped first. */
    public byte encode(int sample) {
        int x = Math.clamp(sample, Short.MIN_VALUE, Short.MAX_VALUE);
        return (byte) (this == ULAW ? ulawCompress(x) : alawCompress(x));
    }

    /**
     * Decodes every remaining byte of {@code codes} into {@code samples} from {@code offset}, advancing
     * {@code codes} to its limit.
     */
    public void decode(ByteBuffer codes, short[] samples, int offset) {
        short[] table = this == ULAW ? Tables.ULAW_DECODE : Tables.ALAW_DECODE;
        int n = codes.remaining();
        if (offset < 0 || offset + n > samples.length) {
            throw new IndexOutOfBoundsException(n + " samples do not fit at " + offset + " in " + samples.length);
        }
        for (int i = 0; i < n; i++) {
            samples[offset + i] = table[codes.get() & 0xff];
        }
    }

    /** Encodes {@code samples[offset, offset + length)} into {@code codes}, advancing it. */
    public void encode(short[] samples, int offset, int length, ByteBuffer codes) {
        for (int i = offset; i < offset + length; i++) {
            codes.put(encode(samples[i]));
        }
    }

    /** G.191 {@code ulaw_compress}: 14-bit magnitude plus bias 33, segment search, inverted code word. */
    private static int ulawCompress(int x) {
        int absno = (x < 0 ? ~x >> 2 : x >> 2) + 33;
        if (absno > 0x1fff) {
            absno = 0x1fff;
        }
        int segno = 1;
        for (int i = absno >> 6; i != 0; i >>= 1) {
            segno++;
        }
        int high = 8 - segno;
        int low = 0x0f - ((absno >> segno) & 0x0f);
        int code = (high << 4) | low;
        return x >= 0 ? code | 0x80 : code;
    }

    /** G.191 {@code ulaw_expand}: segment midpoint, 14 bits left-justified in 16. */
    private static short ulawExpand(int code) {
        int inverted = ~code;
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0f;
        int step = 4 << (exponent + 1);
        int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * 33;
        return (short) (code < 0x80 ? -magnitude : magnitude);
    }

    /** G.191 {@code alaw_compress}: 12-bit magnitude, segment search, even bits toggled. */
    private static int alawCompress(int x) {
        int ix = x < 0 ? ~x >> 4 : x >> 4;
        if (ix > 15) {
            int exponent = 1;
            while (ix > 16 + 15) {
                ix >>= 1;
                exponent++;
            }
            ix = ix - 16 + (exponent << 4);
        }
        if (x >= 0) {
            ix |= 0x80;
        }
        return ix ^ 0x55;
    }

    /** G.191 {@code alaw_expand}: segment midpoint, 13 bits left-justified in 16. */
    private static short alawExpand(int code) {
        int ix = (code ^ 0x55) & 0x7f;
        int exponent = ix >> 4;
        int mantissa = ix & 0x0f;
        if (exponent > 0) {
            mantissa += 16;
        }
        mantissa = (mantissa << 4) + 8;
        if (exponent > 1) {
            mantissa <<= exponent - 1;
        }
        return (short) (code > 127 ? mantissa : -mantissa);
    }

    /** Decoding tables, built once from the reference expansion so decoding is one array read. */
    private static final class Tables {
        static final short[] ULAW_DECODE = new short[256];
        static final short[] ALAW_DECODE = new short[256];

        static {
            for (int code = 0; code < 256; code++) {
                ULAW_DECODE[code] = ulawExpand(code);
                ALAW_DECODE[code] = alawExpand(code);
            }
        }
    }
}
