package io.callvault.media.relay;

import java.nio.ByteBuffer;

/** Minimal well-formed RTP and RTCP packets for the tests (RFC 3550 §5.1, §6.4.2). */
final class Packets {
    private Packets() {}

    /** RTP version 2, PCMU (PT 0), 160 payload bytes derived from {@code seq} so every packet differs. */
    static byte[] rtp(int ssrc, int seq) {
        ByteBuffer b = ByteBuffer.allocate(12 + 160);
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(ssrc);
        for (int i = 0; i < 160; i++) {
            b.put((byte) (seq * 31 + i));
        }
        return b.array();
    }

    /** An RTCP receiver report without report blocks (PT 201, length 1 word). */
    static byte[] rtcp(int ssrc) {
        return ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(ssrc).array();
    }

    static int sequence(byte[] rtp) {
        return ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    }

    static int ssrc(byte[] rtp) {
        return ByteBuffer.wrap(rtp, 8, 4).getInt();
    }
}
