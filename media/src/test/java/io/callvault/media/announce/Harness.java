package io.callvault.media.announce;

import io.callvault.media.codec.G711;
import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.relay.Leg;
import io.callvault.media.rtp.RtpPacket;
import io.callvault.media.rtp.RtpTestPackets;
import io.callvault.media.rtp.TelephoneEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one announcement's stage as the relay would: packets arrive on a leg at the fake clock's time and
 * are rewritten in place. Records what the listener heard.
 */
final class Harness implements AnnouncementListener {
    static final Instant T0 = Instant.parse("2026-11-30T09:15:00Z");
    static final long ORIGIN_NANOS = 5_000_000_000L;
    static final int EVENT_PT = 101;

    /** One listener call. */
    record Heard(String kind, Leg leg, AnnouncementEvidence evidence) {
    }

    final AtomicLong nanos = new AtomicLong(ORIGIN_NANOS);
    final TimeBase time = new TimeBase(nanos::get, T0, ORIGIN_NANOS);
    final List<Heard> heard = new ArrayList<>();
    private final int[] sequence = new int[Leg.values().length];
    private final long[] timestamp = new long[Leg.values().length];

    static PayloadMap withEvents() {
        return new PayloadMap(Map.of(0, PayloadKind.PCMU, 8, PayloadKind.PCMA, 13, PayloadKind.COMFORT_NOISE,
                EVENT_PT, PayloadKind.TELEPHONE_EVENT));
    }

    Announcement announcement(Prompt prompt, Set<Leg> legs, Optional<OptOut> optOut) {
        return new Announcement(prompt, legs, optOut, Map.of(Leg.A, withEvents(), Leg.B, withEvents()), time, this);
    }

    /** {@code n} samples of a tone with a rising envelope, so order and position show in the audio. */
    static Prompt tone(int n) {
        short[] samples = new short[n];
        for (int i = 0; i < n; i++) {
            samples[i] = (short) Math.round((2000 + 20.0 * i) * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        return Prompt.fromPcm("test-tone-" + n, samples);
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    Instant now() {
        return time.toInstant(nanos.get());
    }

    /** A G.711 packet of {@code samples} bytes from {@code from}, payload a recognisable non-silent pattern. */
    ByteBuffer audio(Leg from, int payloadType, int samples) {
        byte[] payload = new byte[samples];
        for (int i = 0; i < samples; i++) {
            payload[i] = (byte) (0x20 + (i % 50));
        }
        return packet(from, payloadType, payload, samples);
    }

    /** An RFC 4733 packet of {@code key}'s event (timestamp is the start of the press, as the RFC says). */
    ByteBuffer event(Leg from, int event, boolean end, int duration, long pressTimestamp) {
        ByteBuffer payload = ByteBuffer.allocate(TelephoneEvent.LENGTH);
        new TelephoneEvent(event, end, 10, duration).write(payload);
        int seq = sequence[from.ordinal()]++;
        return RtpTestPackets.bytes(duration == 0, EVENT_PT, seq, pressTimestamp, ssrc(from), new long[0], null,
                payload.array(), 0);
    }

    ByteBuffer packet(Leg from, int payloadType, byte[] payload, int samples) {
        int i = from.ordinal();
        ByteBuffer b = RtpTestPackets.bytes(false, payloadType, sequence[i]++, timestamp[i], ssrc(from), new long[0],
                null, payload, 0);
        timestamp[i] += samples;
        return b;
    }

    /** Runs the stage on {@code packet} as arriving on {@code from} now; true when it is forwarded. */
    static boolean send(Announcement announcement, Leg from, ByteBuffer packet, long nanos) {
        return announcement.stage().rewriter().rewrite(from, packet, nanos);
    }

    boolean send(Announcement announcement, Leg from, ByteBuffer packet) {
        return send(announcement, from, packet, nanos.get());
    }

    static byte[] payload(ByteBuffer packet) {
        ByteBuffer p = RtpPacket.wrap(packet).payload();
        byte[] bytes = new byte[p.remaining()];
        p.get(bytes);
        return bytes;
    }

    static short[] decode(G711 codec, byte[] codes) {
        short[] samples = new short[codes.length];
        codec.decode(ByteBuffer.wrap(codes), samples, 0);
        return samples;
    }

    static byte[] copy(ByteBuffer packet) {
        byte[] bytes = new byte[packet.remaining()];
        packet.duplicate().get(bytes);
        return bytes;
    }

    private static long ssrc(Leg leg) {
        return leg == Leg.A ? 0xA1A1A1A1L : 0xB2B2B2B2L;
    }

    List<Heard> heard(String kind) {
        return heard.stream().filter(h -> h.kind().equals(kind)).toList();
    }

    @Override
    public void completed(AnnouncementEvidence evidence) {
        heard.add(new Heard("completed", null, evidence));
    }

    @Override
    public void interrupted(AnnouncementEvidence evidence) {
        heard.add(new Heard("interrupted", null, evidence));
    }

    @Override
    public void optedOut(Leg leg, AnnouncementEvidence evidence) {
        heard.add(new Heard("optedOut", leg, evidence));
    }
}
