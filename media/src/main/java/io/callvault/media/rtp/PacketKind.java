package io.callvault.media.rtp;

import java.nio.ByteBuffer;

/**
 * What arrived on a media port that may carry several protocols: the first-byte ranges of RFC 7983 §7
 * (STUN for ICE, DTLS, RTP/RTCP) and, for RTP/RTCP, the RFC 5761 §4 rule: the second byte (marker bit and
 * payload type) in 192–223 means RTCP, which is why RTP payload types 64–95 must not be used when RTP and
 * RTCP share a port. A rough classification; the RTP and RTCP checks still apply.
 */
public enum PacketKind {
    RTP, RTCP, STUN, DTLS, UNKNOWN;

    /** Classifies the bytes from {@code packet}'s position to its limit; the buffer is not moved. */
    public static PacketKind classify(ByteBuffer packet) {
        int length = packet.remaining();
        if (length < 2) {
            return UNKNOWN;
        }
        int first = packet.get(packet.position()) & 0xff;
        if (first <= 3) {
            return length >= 20 ? STUN : UNKNOWN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first < 128 || first > 191) {
            return UNKNOWN;
        }
        int second = packet.get(packet.position() + 1) & 0xff;
        if (second >= 192 && second <= 223) {
            return length >= 8 ? RTCP : UNKNOWN;
        }
        return length >= RtpPacket.FIXED_HEADER_LENGTH ? RTP : UNKNOWN;
    }
}
