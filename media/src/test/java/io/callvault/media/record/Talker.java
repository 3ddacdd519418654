package io.callvault.media.record;

import io.callvault.media.codec.G711;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.RtpTestPackets;
import java.util.ArrayList;
import java.util.List;

/**
 * One sending side in a test: audio cut into 20 ms G.711 packets with consecutive sequence numbers and
 * timestamps, and the samples a perfect receiver would decode from them.
 */
final class Talker {
    static final int PACKET = 160;

    final G711 law;
    final short[] audio;
    final List<RtpPacket> packets = new ArrayList<>();

    /** {@code seconds} of a {@code hz} sine at about -6 dBFS, in packets starting at {@code seq}/{@code ts}. */
    Talker(G711 law, int payloadType, long ssrc, int seq, long ts, double hz, double seconds) {
        this.law = law;
        this.audio = tone(hz, (int) Math.round(seconds * 8000));
        for (int i = 0; i * PACKET < audio.length; i++) {
            byte[] payload = new byte[PACKET];
            for (int j = 0; j < PACKET; j++) {
                payload[j] = law.encode(audio[i * PACKET + j]);
            }
            packets.add(RtpTestPackets.packet(payloadType, (seq + i) & 0xffff, (ts + (long) i * PACKET) & 0xffffffffL,
                    ssrc, payload));
        }
    }

    static short[] tone(double hz, int count) {
        short[] s = new short[count];
        for (int i = 0; i < count; i++) {
            s[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }

    /** What the receiver should hear for sample {@code i} of this talker: G.711 round trip of the tone. */
    short decoded(int i) {
        return law.decode(law.encode(audio[i]));
    }

    /** Samples {@code [from, to)} as decoded. */
    short[] decoded(int from, int to) {
        short[] out = new short[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = decoded(i);
        }
        return out;
    }
}
