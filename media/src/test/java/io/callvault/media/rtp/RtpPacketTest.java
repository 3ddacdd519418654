package io.callvault.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    /** A PCMU packet as captured from baresip: seq 0x1a2b, ts 0x0001f400, SSRC 0x5b3c1a2f, 4 payload bytes. */
    private static final byte[] CAPTURED = HexFormat.of().parseHex("80001a2b0001f4005b3c1a2fff7f0080");

    @Test
    void capturedPacket_readsEveryHeaderField() {
        RtpPacket p = RtpPacket.wrap(CAPTURED, 0, CAPTURED.length);

        assertThat(p.version()).isEqualTo(2);
        assertThat(p.padding()).isFalse();
        assertThat(p.extension()).isFalse();
        assertThat(p.csrcCount()).isZero();
        assertThat(p.marker()).isFalse();
        assertThat(p.payloadType()).isZero();
        assertThat(p.sequenceNumber()).isEqualTo(0x1a2b);
        assertThat(p.timestamp()).isEqualTo(0x1f400);
        assertThat(p.ssrc()).isEqualTo(0x5b3c1a2fL);
        assertThat(p.payloadOffset()).isEqualTo(12);
        assertThat(p.payloadLength()).isEqualTo(4);
        assertThat(p.extensionProfile()).isEqualTo(-1);
        assertThat(p).hasToString("RTP pt=0 seq=6699 ts=128000 ssrc=5b3c1a2f payload=4");
    }

    @Test
    void csrcsExtensionAndPadding_areSkippedToFindThePayload() {
        ByteBuffer b = RtpTestPackets.bytes(true, 8, 65535, 0xfffffff0L, 0xdeadbeefL, new long[] {1, 0xffffffffL},
                new byte[] {0x10, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07}, new byte[] {1, 2, 3}, 5);

        RtpPacket p = RtpPacket.wrap(b);

        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(8);
        assertThat(p.sequenceNumber()).isEqualTo(65535);
        assertThat(p.timestamp()).isEqualTo(0xfffffff0L);
        assertThat(p.ssrc()).isEqualTo(0xdeadbeefL);
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.csrc(1)).isEqualTo(0xffffffffL);
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(p.extensionLength()).isEqualTo(8);
        assertThat(p.payloadOffset()).isEqualTo(12 + 8 + 4 + 8);
        assertThat(p.paddingLength()).isEqualTo(5);
        assertThat(p.payloadLength()).isEqualTo(3);
        assertThat(p.payload()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(b.position()).as("wrapping does not move the caller's buffer").isZero();
        assertThatThrownBy(() -> p.csrc(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void viewAtAnOffset_readsOnlyItsOwnBytes() {
        byte[] datagram = new byte[CAPTURED.length + 10];
        System.arraycopy(CAPTURED, 0, datagram, 7, CAPTURED.length);

        RtpPacket p = RtpPacket.wrap(datagram, 7, CAPTURED.length);

        assertThat(p.sequenceNumber()).isEqualTo(0x1a2b);
        assertThat(p.length()).isEqualTo(CAPTURED.length);
        assertThat(p.payload().get(0)).isEqualTo((byte) 0xff);
    }

    @Test
    void rewriteForForwarding_changesOnlyThoseFieldsInPlace() {
        byte[] data = CAPTURED.clone();
        RtpPacket p = RtpPacket.wrap(data, 0, data.length);

        p.setSsrc(0xcafebabeL);
        p.setSequenceNumber(7);
        p.setTimestamp(0xffffffffL);
        p.setMarker(true);
        p.setPayloadType(8);

        assertThat(HexFormat.of().formatHex(data)).isEqualTo("80880007ffffffffcafebabeff7f0080");
        p.setMarker(false);
        assertThat(p.payloadType()).isEqualTo(8);
        assertThat(p.marker()).isFalse();
        assertThatThrownBy(() -> p.setSequenceNumber(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setSsrc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setPayloadType(128)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readOnlyBuffer_canBeReadButNotRewritten() {
        RtpPacket p = RtpPacket.wrap(ByteBuffer.wrap(CAPTURED).asReadOnlyBuffer());

        assertThat(p.sequenceNumber()).isEqualTo(0x1a2b);
        assertThatThrownBy(() -> p.setSsrc(1)).isInstanceOf(java.nio.ReadOnlyBufferException.class);
    }

    @Test
    void directBuffer_works() {
        ByteBuffer direct = ByteBuffer.allocateDirect(CAPTURED.length).put(CAPTURED).flip();

        assertThat(RtpPacket.wrap(direct).ssrc()).isEqualTo(0x5b3c1a2fL);
    }

    @Test
    void malformedPackets_giveAReasonInsteadOfThrowing() {
        assertThat(check("80000001")).isEqualTo(RtpCheck.TOO_SHORT);
        assertThat(check("40000001000000000000000000")).isEqualTo(RtpCheck.BAD_VERSION);
        assertThat(check("000100010000000000000000")).isEqualTo(RtpCheck.BAD_VERSION);
        assertThat(check("8200000100000000000000000000000000")).isEqualTo(RtpCheck.CSRC_OVERRUN);
        assertThat(check("900000010000000000000000bede")).isEqualTo(RtpCheck.EXTENSION_OVERRUN);
        assertThat(check("900000010000000000000000bede000100")).isEqualTo(RtpCheck.EXTENSION_OVERRUN);
        assertThat(check("a000000100000000000000000000")).as("padding count 0").isEqualTo(RtpCheck.BAD_PADDING);
        assertThat(check("a000000100000000000000000005")).as("padding longer than payload")
                .isEqualTo(RtpCheck.BAD_PADDING);
        assertThat(check("a000000100000000000000000001")).as("only the count byte").isEqualTo(RtpCheck.VALID);
        assertThat(check("800000010000000000000000")).as("empty payload").isEqualTo(RtpCheck.VALID);
        assertThat(RtpCheck.CSRC_OVERRUN.reason()).isEqualTo("the CSRC list runs past the end of the packet");
        assertThatThrownBy(() -> RtpPacket.wrap(ByteBuffer.wrap(new byte[3])))
                .hasMessage("not a valid RTP packet: shorter than the 12-byte fixed header");
    }

    @Test
    void everyTruncationOfAValidPacket_isRejectedNotMisread() {
        ByteBuffer full = RtpTestPackets.bytes(false, 0, 1, 2, 3, new long[] {4}, new byte[4], new byte[0], 4);
        byte[] bytes = new byte[full.remaining()];
        full.get(bytes);

        for (int length = 0; length < bytes.length; length++) {
            assertThat(RtpPacket.check(bytes, 0, length)).as("length " + length).isNotEqualTo(RtpCheck.VALID);
        }
        assertThat(RtpPacket.check(bytes, 0, bytes.length)).isEqualTo(RtpCheck.VALID);
    }

    @Test
    void randomBytes_neverThrow_andValidOnesStayInBounds() {
        Random random = new Random(5761);
        int valid = 0;
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) (0x80 | (bytes[0] & 0x3f)); // version 2, so deeper checks are reached
            }
            if (RtpPacket.check(bytes, 0, bytes.length).isValid()) {
                valid++;
                RtpPacket p = RtpPacket.wrap(bytes, 0, bytes.length);
                assertThat(p.payloadOffset() + p.payloadLength() + p.paddingLength()).isEqualTo(bytes.length);
                assertThat(p.payloadLength()).isNotNegative();
                assertThat(p.payload().remaining()).isEqualTo(p.payloadLength());
            }
        }
        assertThat(valid).isGreaterThan(1000);
    }

    private static RtpCheck check(String hex) {
        return RtpPacket.check(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }
}
