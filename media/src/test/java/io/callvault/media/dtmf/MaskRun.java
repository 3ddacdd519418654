package io.callvault.media.dtmf;

import io.callvault.media.codec.G711;
import io.callvault.media.rtp.RtpPacket;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Runs packets through a {@link DtmfMasker} and keeps what it forwards, and the keys it reports. */
final class MaskRun implements MaskedDigitListener {
    final DtmfMasker masker;
    final List<ByteBuffer> forwarded = new ArrayList<>();
    final List<MaskedDigit> started = new ArrayList<>();
    final List<MaskedDigit> ended = new ArrayList<>();
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private final List<G711> laws = new ArrayList<>();

    MaskRun(io.callvault.media.relay.Leg leg, MaskSettings settings, io.callvault.media.record.PayloadMap map) {
        this.masker = new DtmfMasker(leg, settings, map, this);
    }

    /** Offers each packet (rewritten in place) and keeps the forwarded ones; returns this. */
    MaskRun offer(List<ByteBuffer> packets) {
        for (ByteBuffer p : packets) {
            offer(p);
        }
        return this;
    }

    boolean offer(ByteBuffer packet) {
        boolean pass = masker.process(packet);
        if (pass) {
            forwarded.add(packet);
            RtpPacket rtp = RtpPacket.wrap(packet);
            G711 law = rtp.payloadType() == 0 ? G711.ULAW : rtp.payloadType() == 8 ? G711.ALAW : null;
            if (law != null) {
                byte[] payload = Phone.payload(packet);
                audio.writeBytes(payload);
                for (int i = 0; i < payload.length; i++) {
                    laws.add(law);
                }
            }
        }
        return pass;
    }

    /** The G.711 codes of the forwarded audio packets, in order. */
    byte[] codes() {
        return audio.toByteArray();
    }

    /** The forwarded audio decoded. */
    short[] pcm() {
        byte[] c = codes();
        short[] s = new short[c.length];
        for (int i = 0; i < c.length; i++) {
            s[i] = laws.get(i).decode(c[i]);
        }
        return s;
    }

    String keys() {
        StringBuilder b = new StringBuilder();
        for (MaskedDigit d : started) {
            b.append(d.digit());
        }
        return b.toString();
    }

    @Override
    public void digitStarted(MaskedDigit digit) {
        started.add(digit);
    }

    @Override
    public void digitEnded(MaskedDigit digit) {
        ended.add(digit);
    }
}
