package io.callvault.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtcpAndDemuxTest {

    /**
     * A compound RR + SDES as a softphone sends it: RR without report blocks, then one chunk with CNAME
     * "alice1" and the null octets that end the item list and pad it to 32 bits.
     */
    private static final String RR_SDES = "80c90001" + "5b3c1a2f"
            + "81ca0004" + "5b3c1a2f" + "0106616c69636531" + "00000000";

    /** An SR with one report block (RFC 3550 §6.4.1), 52 bytes. */
    private static final String SR = "81c8000c" + "deadbeef" + "e6a1b2c3d4e5f607" + "0001f400" + "00000032"
            + "00001f40" + "5b3c1a2f" + "00000000" + "00001234" + "00000000" + "00000000" + "00000000";

    @Test
    void compoundReceiverReport_readsTypeSsrcAndLength() {
        RtcpPacket p = RtcpPacket.wrap(buffer(RR_SDES));

        assertThat(p.packetType()).isEqualTo(RtcpPacket.RR);
        assertThat(p.count()).isZero();
        assertThat(p.ssrc()).isEqualTo(0x5b3c1a2fL);
        assertThat(p.firstPacketLength()).isEqualTo(8);
        assertThat(p.isCompound()).isTrue();
        assertThat(p.length()).isEqualTo(28);
    }

    @Test
    void senderReport_readsSenderSsrc() {
        RtcpPacket p = RtcpPacket.wrap(buffer(SR));

        assertThat(p.packetType()).isEqualTo(RtcpPacket.SR);
        assertThat(p.count()).isEqualTo(1);
        assertThat(p.ssrc()).isEqualTo(0xdeadbeefL);
        assertThat(p.isCompound()).isFalse();
    }

    @Test
    void malformedRtcp_givesAReason() {
        assertThat(RtcpPacket.check(buffer("80c90001"))).isEqualTo(RtcpCheck.TOO_SHORT);
        assertThat(RtcpPacket.check(buffer("40c900015b3c1a2f"))).isEqualTo(RtcpCheck.BAD_VERSION);
        assertThat(RtcpPacket.check(buffer("80c900025b3c1a2f"))).isEqualTo(RtcpCheck.LENGTH_OVERRUN);
        assertThat(RtcpPacket.check(buffer("80c900015b3c1a2f81ca"))).isEqualTo(RtcpCheck.TRAILING_BYTES);
        assertThat(RtcpPacket.check(buffer("80c900015b3c1a2f80000001"))).isEqualTo(RtcpCheck.NOT_RTCP);
        assertThat(RtcpPacket.check(buffer("80cb00005b3c1a2f"))).as("BYE of 4 bytes first")
                .isEqualTo(RtcpCheck.TOO_SHORT);
        assertThat(RtcpPacket.check(buffer(RR_SDES))).isEqualTo(RtcpCheck.VALID);
    }

    @Test
    void demux_followsRfc5761AndRfc7983() {
        assertThat(PacketKind.classify(buffer("80001a2b0001f4005b3c1a2fff"))).isEqualTo(PacketKind.RTP);
        assertThat(PacketKind.classify(buffer("80e01a2b0001f4005b3c1a2fff"))).as("PT 96 with marker")
                .isEqualTo(PacketKind.RTP);
        assertThat(PacketKind.classify(buffer(RR_SDES))).isEqualTo(PacketKind.RTCP);
        assertThat(PacketKind.classify(buffer(SR))).isEqualTo(PacketKind.RTCP);
        assertThat(PacketKind.classify(buffer("80c0" + "00".repeat(10)))).as("RTP PT 64 with marker reads as RTCP")
                .isEqualTo(PacketKind.RTCP);
        assertThat(PacketKind.classify(buffer("0001002c2112a442" + "00".repeat(12)))).isEqualTo(PacketKind.STUN);
        assertThat(PacketKind.classify(buffer("16fefd0000000000000000"))).isEqualTo(PacketKind.DTLS);
        assertThat(PacketKind.classify(buffer("8000"))).as("too short for RTP").isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketKind.classify(buffer("ff00" + "00".repeat(20)))).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketKind.classify(buffer(""))).isEqualTo(PacketKind.UNKNOWN);
    }

    @Test
    void classify_readsFromThePositionWithoutMovingIt() {
        ByteBuffer b = buffer("ffff" + RR_SDES);
        b.position(2);

        assertThat(PacketKind.classify(b)).isEqualTo(PacketKind.RTCP);
        assertThat(RtcpPacket.wrap(b).ssrc()).isEqualTo(0x5b3c1a2fL);
        assertThat(b.position()).isEqualTo(2);
    }

    private static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
