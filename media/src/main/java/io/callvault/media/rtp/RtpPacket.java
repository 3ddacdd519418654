package io.callvault.media.rtp;

import java.nio.ByteBuffer;

/**
 * A view of one RTP packet (RFC 3550 §5.1) over the caller's bytes:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers (CC)        |
 * |  [extension: profile-defined | length in 32-bit words] ...    |
 * |  payload ...                          | [padding ... | count] |
 * </pre>
 *
 * Only a packet that passed {@link #check} can be wrapped, so every accessor is in bounds. The setters
 * rewrite the header in place for forwarding (SSRC, sequence, timestamp, marker, payload type) and need a
 * writable buffer. 32-bit fields are returned as unsigned values in a {@code long}.
 *
 * <p>Not thread-safe; see the package note on buffer ownership.
 */
public final class RtpPacket {
    public static final int VERSION = 2;
    public static final int FIXED_HEADER_LENGTH = 12;

    private final ByteBuffer bytes;
    private final int payloadOffset;
    private final int paddingLength;

    private RtpPacket(ByteBuffer bytes) {
        this.bytes = bytes;
        this.payloadOffset = headerLength(bytes);
        this.paddingLength = (bytes.get(0) & 0x20) != 0 ? bytes.get(bytes.limit() - 1) & 0xff : 0;
    }

    /** Validates the bytes from {@code packet}'s position to its limit; the buffer is not moved. */
    public static RtpCheck check(ByteBuffer packet) {
        return validate(packet.slice(packet.position(), packet.remaining()));
    }

    public static RtpCheck check(byte[] data, int offset, int length) {
        return validate(ByteBuffer.wrap(data, offset, length).slice());
    }

    /**
     * A view of the bytes from {@code packet}'s position to its limit, sharing them; the buffer is not moved.
     *
     * @throws IllegalArgumentException with the {@link RtpCheck} reason if the packet is not valid RTP; call
     *     {@link #check} first where invalid input is expected
     */
    public static RtpPacket wrap(ByteBuffer packet) {
        ByteBuffer view = packet.slice(packet.position(), packet.remaining());
        RtpCheck check = validate(view);
        if (!check.isValid()) {
            throw new IllegalArgumentException("not a valid RTP packet: " + check.reason());
        }
        return new RtpPacket(view);
    }

    public static RtpPacket wrap(byte[] data, int offset, int length) {
        return wrap(ByteBuffer.wrap(data, offset, length));
    }

    /** {@code p} is a slice: index 0 is the first byte of the packet, the limit its end. */
    private static RtpCheck validate(ByteBuffer p) {
        int length = p.remaining();
        if (length < FIXED_HEADER_LENGTH) {
            return RtpCheck.TOO_SHORT;
        }
        int first = p.get(0) & 0xff;
        if (first >>> 6 != VERSION) {
            return RtpCheck.BAD_VERSION;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0f);
        if (header > length) {
            return RtpCheck.CSRC_OVERRUN;
        }
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return RtpCheck.EXTENSION_OVERRUN;
            }
            header += 4 + 4 * (p.getShort(header + 2) & 0xffff);
            if (header > length) {
                return RtpCheck.EXTENSION_OVERRUN;
            }
        }
        if ((first & 0x20) != 0) {
            int padding = p.get(length - 1) & 0xff;
            if (padding == 0 || header + padding > length) {
                return RtpCheck.BAD_PADDING;
            }
        }
        return RtpCheck.VALID;
    }

    private static int headerLength(ByteBuffer p) {
        int first = p.get(0) & 0xff;
        int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) {
            header += 4 + 4 * (p.getShort(header + 2) & 0xffff);
        }
        return header;
    }

    /** Total length in bytes, header, payload and padding. */
    public int length() {
        return bytes.limit();
    }

    public int version() {
        return (bytes.get(0) & 0xff) >>> 6;
    }

    public boolean padding() {
        return (bytes.get(0) & 0x20) != 0;
    }

    public boolean extension() {
        return (bytes.get(0) & 0x10) != 0;
    }

    public int csrcCount() {
        return bytes.get(0) & 0x0f;
    }

    public boolean marker() {
        return (bytes.get(1) & 0x80) != 0;
    }

    public int payloadType() {
        return bytes.get(1) & 0x7f;
    }

    public int sequenceNumber() {
        return bytes.getShort(2) & 0xffff;
    }

    public long timestamp() {
        return bytes.getInt(4) & 0xffffffffL;
    }

    public long ssrc() {
        return bytes.getInt(8) & 0xffffffffL;
    }

    /** CSRC number {@code index}, 0 ≤ index < {@link #csrcCount()}. */
    public long csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException("CSRC " + index + " of " + csrcCount());
        }
        return bytes.getInt(FIXED_HEADER_LENGTH + 4 * index) & 0xffffffffL;
    }

    /** The profile-defined 16 bits of the header extension; -1 without an extension. */
    public int extensionProfile() {
        return extension() ? bytes.getShort(FIXED_HEADER_LENGTH + 4 * csrcCount()) & 0xffff : -1;
    }

    /** Bytes of header-extension data after its 4-byte header; 0 without an extension. */
    public int extensionLength() {
        return extension() ? 4 * (bytes.getShort(FIXED_HEADER_LENGTH + 4 * csrcCount() + 2) & 0xffff) : 0;
    }

    /** Offset of the payload from the start of the packet: the fixed header, CSRCs and extension. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload bytes, without padding. */
    public int payloadLength() {
        return bytes.limit() - payloadOffset - paddingLength;
    }

    /** Padding bytes including the count byte; 0 without padding. */
    public int paddingLength() {
        return paddingLength;
    }

    /** The payload as a buffer sharing the packet's bytes (position 0, limit the payload length). */
    public ByteBuffer payload() {
        return bytes.slice(payloadOffset, payloadLength());
    }

    /** The whole packet as a buffer sharing the caller's bytes (position 0). */
    public ByteBuffer buffer() {
        return bytes.duplicate().clear();
    }

    public void setMarker(boolean marker) {
        bytes.put(1, (byte) ((bytes.get(1) & 0x7f) | (marker ? 0x80 : 0)));
    }

    public void setPayloadType(int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0 to 127, not " + payloadType);
        }
        bytes.put(1, (byte) ((bytes.get(1) & 0x80) | payloadType));
    }

    public void setSequenceNumber(int sequence) {
        if (sequence < 0 || sequence > 0xffff) {
            throw new IllegalArgumentException("sequence number must be 0 to 65535, not " + sequence);
        }
        bytes.putShort(2, (short) sequence);
    }

    public void setTimestamp(long timestamp) {
        bytes.putInt(4, (int) unsigned32("timestamp", timestamp));
    }

    public void setSsrc(long ssrc) {
        bytes.putInt(8, (int) unsigned32("SSRC", ssrc));
    }

    private static long unsigned32(String what, long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(what + " must be an unsigned 32-bit value, not " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "RTP pt=" + payloadType() + " seq=" + sequenceNumber() + " ts=" + timestamp() + " ssrc="
                + Long.toHexString(ssrc()) + (marker() ? " M" : "") + " payload=" + payloadLength();
    }
}
