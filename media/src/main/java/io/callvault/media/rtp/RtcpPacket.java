package io.callvault.media.rtp;

import java.nio.ByteBuffer;

/**
 * A minimal view of an RTCP packet (RFC 3550 §6.4): the header of its first packet and the SSRC that
 * follows it, which for SR, RR, APP and feedback packets (RFC 4585) is the sender, and for SDES and BYE the
 * first source listed. {@link #check} walks every packet of a compound packet and verifies that the length
 * fields add up. The relay forwards RTCP as it is; this is enough to count it and attribute it.
 *
 * <p>Not thread-safe; see the package note on buffer ownership.
 */
public final class RtcpPacket {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    public static final int RTPFB = 205;
    public static final int PSFB = 206;
    public static final int XR = 207;

    private final ByteBuffer bytes;

    private RtcpPacket(ByteBuffer bytes) {
        this.bytes = bytes;
    }

    /** Validates the bytes from {@code packet}'s position to its limit; the buffer is not moved. */
    public static RtcpCheck check(ByteBuffer packet) {
        return validate(packet.slice(packet.position(), packet.remaining()));
    }

    /**
     * A view sharing the bytes from {@code packet}'s position to its limit.
     *
     * @throws IllegalArgumentException with the {@link RtcpCheck} reason if it is not valid RTCP
     */
    public static RtcpPacket wrap(ByteBuffer packet) {
        ByteBuffer view = packet.slice(packet.position(), packet.remaining());
        RtcpCheck check = validate(view);
        if (!check.isValid()) {
            throw new IllegalArgumentException("not a valid RTCP packet: " + check.reason());
        }
        return new RtcpPacket(view);
    }

    private static RtcpCheck validate(ByteBuffer p) {
        int length = p.remaining();
        if (length < 8) {
            return RtcpCheck.TOO_SHORT;
        }
        int offset = 0;
        while (offset < length) {
            if (length - offset < 4) {
                return RtcpCheck.TRAILING_BYTES;
            }
            if ((p.get(offset) & 0xff) >>> 6 != RtpPacket.VERSION) {
                return RtcpCheck.BAD_VERSION;
            }
            int type = p.get(offset + 1) & 0xff;
            if (type < 192 || type > 223) {
                return RtcpCheck.NOT_RTCP;
            }
            int packetLength = 4 * ((p.getShort(offset + 2) & 0xffff) + 1);
            if (offset + packetLength > length) {
                return RtcpCheck.LENGTH_OVERRUN;
            }
            if (offset == 0 && packetLength < 8) {
                return RtcpCheck.TOO_SHORT;
            }
            offset += packetLength;
        }
        return RtcpCheck.VALID;
    }

    /** Total length of the (compound) packet in bytes. */
    public int length() {
        return bytes.limit();
    }

    /** Packet type of the first packet, e.g. {@link #SR}. */
    public int packetType() {
        return bytes.get(1) & 0xff;
    }

    /** The 5-bit count field of the first packet (reception reports, sources, or feedback format). */
    public int count() {
        return bytes.get(0) & 0x1f;
    }

    public boolean padding() {
        return (bytes.get(0) & 0x20) != 0;
    }

    /** Length of the first packet in bytes, header included. */
    public int firstPacketLength() {
        return 4 * ((bytes.getShort(2) & 0xffff) + 1);
    }

    /** True when more packets follow the first (RFC 3550 §6.1). */
    public boolean isCompound() {
        return firstPacketLength() < length();
    }

    /** The 32-bit word after the first header: sender SSRC (SR, RR, APP, RTPFB, PSFB, XR) or first source. */
    public long ssrc() {
        return bytes.getInt(4) & 0xffffffffL;
    }

    @Override
    public String toString() {
        return "RTCP pt=" + packetType() + " ssrc=" + Long.toHexString(ssrc()) + " length=" + length();
    }
}
