package io.callvault.media.rtp;

import java.nio.ByteBuffer;

/** Builds RTP packets byte by byte, independently of {@link RtpPacket}, for tests in this module. */
public final class RtpTestPackets {
    private RtpTestPackets() {
    }

    /** A plain packet: no CSRC, no extension, no padding. */
    public static RtpPacket packet(int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
        return RtpPacket.wrap(bytes(false, payloadType, sequence, timestamp, ssrc, new long[0], null, payload, 0));
    }

    /**
     * The wire bytes of a packet. {@code extension} (whole 32-bit words, may be empty) is preceded by profile
     * 0xBEDE and its length; {@code padding} bytes (0 for none) end with the count.
     */
    public static ByteBuffer bytes(boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
            long[] csrcs, byte[] extension, byte[] payload, int padding) {
        int length = 12 + 4 * csrcs.length + (extension == null ? 0 : 4 + extension.length) + payload.length + padding;
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0) | csrcs.length));
        b.put((byte) ((marker ? 0x80 : 0) | payloadType));
        b.putShort((short) sequence).putInt((int) timestamp).putInt((int) ssrc);
        for (long csrc : csrcs) {
            b.putInt((int) csrc);
        }
        if (extension != null) {
            b.putShort((short) 0xBEDE).putShort((short) (extension.length / 4)).put(extension);
        }
        b.put(payload);
        for (int i = 1; i < padding; i++) {
            b.put((byte) 0);
        }
        if (padding > 0) {
            b.put((byte) padding);
        }
        return b.flip();
    }
}
