package io.callvault.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class G711Test {

    private static int[] reference(G711 law) {
        return law == G711.ULAW ? G711ReferenceTables.ULAW : G711ReferenceTables.ALAW;
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void everyCode_decodesToTheReferenceValue(G711 law) {
        for (int code = 0; code < 256; code++) {
            assertThat(law.decode(code)).as("%s code 0x%02x", law, code).isEqualTo((short) reference(law)[code]);
        }
    }

    @Test
    void everyAlawCode_survivesEncodeOfDecode() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.ALAW.encode(G711.ALAW.decode(code)) & 0xff).as("code 0x%02x", code).isEqualTo(code);
        }
    }

    @Test
    void everyUlawCodeButNegativeZero_survivesEncodeOfDecode() {
        for (int code = 0; code < 256; code++) {
            if (code != 0x7f) {
                assertThat(G711.ULAW.encode(G711.ULAW.decode(code)) & 0xff).as("code 0x%02x", code).isEqualTo(code);
            }
        }
        assertThat(G711.ULAW.decode(0x7f)).as("negative zero").isZero();
        assertThat(G711.ULAW.encode(0)).as("zero is the positive zero").isEqualTo((byte) 0xff);
    }

    @Test
    void knownValues_matchTheG191Reference() {
        assertThat(G711.ULAW.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.ULAW.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.ULAW.encode(-1)).as("one's complement: -1 is a negative zero").isEqualTo((byte) 0x7f);
        assertThat(G711.ULAW.encode(1000)).isEqualTo((byte) 0xce);
        assertThat(G711.ALAW.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xaa);
        assertThat(G711.ALAW.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2a);
        assertThat(G711.ALAW.encode(0)).isEqualTo((byte) 0xd5);
        assertThat(G711.ALAW.encode(-1)).isEqualTo((byte) 0x55);
        assertThat(G711.ALAW.encode(1000)).isEqualTo((byte) 0xfa);
        assertThat(G711.ULAW.encode(100_000)).as("clamped").isEqualTo(G711.ULAW.encode(Short.MAX_VALUE));
        assertThat(G711.ALAW.encode(-100_000)).as("clamped").isEqualTo(G711.ALAW.encode(Short.MIN_VALUE));
    }

    /**
     * The quantizer is monotonic, and every 16-bit input lands on a reference value within half the wider of
     * the two steps around it (G.711 decision thresholds are midpoints only inside a segment), give or take
     * the bits G.711 ignores (2 for µ-law's 14-bit input, 3 for A-law's 13-bit input).
     */
    @ParameterizedTest
    @EnumSource(G711.class)
    void everySample_quantizesMonotonicallyToAnAdjacentReferenceValue(G711 law) {
        int[] sorted = Arrays.stream(reference(law)).distinct().sorted().toArray();
        int ignored = law == G711.ULAW ? 3 : 7;
        int previous = Integer.MIN_VALUE;
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int decoded = law.decode(law.encode(s));
            int i = Arrays.binarySearch(sorted, decoded);
            int below = i > 0 ? decoded - sorted[i - 1] : 0;
            int above = i < sorted.length - 1 ? sorted[i + 1] - decoded : 0;
            int clip = s > sorted[sorted.length - 1] || s < sorted[0] ? Math.max(s - decoded, decoded - s) : 0;
            assertThat(Math.abs(decoded - s)).as("%s sample %d", law, s)
                    .isLessThanOrEqualTo(Math.max(Math.max(below, above) / 2 + ignored, clip));
            assertThat(decoded).as("monotonic at %d", s).isGreaterThanOrEqualTo(previous);
            previous = decoded;
        }
    }

    /** Decision thresholds from G.711 table 2a (µ-law, 14-bit) and table 1a (A-law, 13-bit), in 16 bits. */
    @Test
    void decisionThresholds_matchTheG711Tables() {
        // µ-law: 14-bit decision value 1 separates outputs 0 and 2; 4063 separates segments 7 and 8.
        assertThat(G711.ULAW.encode(3)).isEqualTo((byte) 0xff);
        assertThat(G711.ULAW.encode(4)).isEqualTo((byte) 0xfe);
        assertThat(G711.ULAW.encode(16251)).isEqualTo((byte) 0x90);
        assertThat(G711.ULAW.encode(16252)).isEqualTo((byte) 0x8f);
        assertThat(G711.ULAW.decode(0x90)).isEqualTo((short) 15996);
        assertThat(G711.ULAW.decode(0x8f)).isEqualTo((short) 16764);
        // A-law: 13-bit decision value 2 separates outputs 1 and 3; 64 separates segments 2 and 3.
        assertThat(G711.ALAW.encode(15)).isEqualTo((byte) 0xd5);
        assertThat(G711.ALAW.encode(16)).isEqualTo((byte) 0xd4);
        assertThat(G711.ALAW.encode(511)).isEqualTo((byte) 0xca);
        assertThat(G711.ALAW.encode(512)).isEqualTo((byte) 0xf5);
        assertThat(G711.ALAW.decode(0xca)).isEqualTo((short) 504);
        assertThat(G711.ALAW.decode(0xf5)).isEqualTo((short) 528);
    }

    @Test
    void bulkDecodeAndEncode_useTheSameTables() {
        byte[] codes = {(byte) 0x00, (byte) 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0x55};
        short[] samples = new short[7];

        G711.ULAW.decode(ByteBuffer.wrap(codes), samples, 2);

        assertThat(samples).containsExactly(0, 0, -32124, 0, 32124, 0, (short) G711ReferenceTables.ULAW[0x55]);
        ByteBuffer out = ByteBuffer.allocate(5);
        G711.ULAW.encode(samples, 2, 5, out);
        assertThat(out.array()).containsExactly(0x00, 0xff, 0x80, 0xff, 0x55);
        assertThatThrownBy(() -> G711.ALAW.decode(ByteBuffer.wrap(codes), new short[4], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void payloadTypesAndNames_followRfc3551() {
        assertThat(G711.ULAW.payloadType()).isZero();
        assertThat(G711.ULAW.encodingName()).isEqualTo("PCMU");
        assertThat(G711.ALAW.payloadType()).isEqualTo(8);
        assertThat(G711.ALAW.encodingName()).isEqualTo("PCMA");
    }
}
