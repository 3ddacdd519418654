package io.callvault.media.dtmf;

import io.callvault.media.codec.G711;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.RtpTestPackets;
import io.callvault.media.rtp.TelephoneEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** One sender in a masker test: G.711 audio in 20 ms packets, and RFC 4733 events on the same clock. */
final class Phone {
    static final int PACKET = 160;
    static final int EVENT_PT = 101;

    final G711 law;
    final long ssrc;
    int seq = 1000;
    long ts = 50_000;

    Phone(G711 law, long ssrc) {
        this.law = law;
        this.ssrc = ssrc;
    }

    /** {@code pcm} as consecutive packets (the last one padded with silence), advancing seq and ts. */
    List<ByteBuffer> audio(short[] pcm) {
        List<ByteBuffer> packets = new ArrayList<>();
        for (int at = 0; at < pcm.length; at += PACKET) {
            byte[] payload = new byte[PACKET];
            for (int i = 0; i < PACKET; i++) {
                payload[i] = law.encode(at + i < pcm.length ? pcm[at + i] : 0);
            }
            packets.add(packet(law.payloadType(), ts, payload));
            ts += PACKET;
        }
        return packets;
    }

    /** One telephone-event packet at timestamp {@code eventTs}. */
    ByteBuffer event(long eventTs, int event, boolean end, int duration) {
        ByteBuffer p = ByteBuffer.allocate(4);
        new TelephoneEvent(event, end, 10, duration).write(p);
        return packet(EVENT_PT, eventTs, p.array());
    }

    ByteBuffer packet(int pt, long timestamp, byte[] payload) {
        ByteBuffer b = RtpTestPackets.bytes(false, pt, seq++ & 0xffff, timestamp & 0xffffffffL, ssrc, new long[0],
                null, payload, 0);
        return b;
    }

    /** The G.711 codes the phone sends for {@code pcm}: what a bit-exact passthrough must deliver. */
    byte[] codes(short[] pcm) {
        byte[] c = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            c[i] = law.encode(pcm[i]);
        }
        return c;
    }

    /** The payload of a packet as forwarded. */
    static byte[] payload(ByteBuffer packet) {
        ByteBuffer p = RtpPacket.wrap(packet).payload();
        byte[] out = new byte[p.remaining()];
        p.get(out);
        return out;
    }
}
