package io.callvault.media.record;

import io.callvault.media.codec.G711;

/** What the recorder does with a payload type: decode it, skip it as non-audio, or count it as unknown. */
public enum PayloadKind {
    /** G.711 µ-law, decoded. */
    PCMU(G711.ULAW),
    /** G.711 A-law, decoded. */
    PCMA(G711.ALAW),
    /** RFC 4733 events: not audio; the sender's audio resumes after them, the gap is silence. */
    TELEPHONE_EVENT(null),
    /** RFC 3389 comfort noise: the sender is silent; recorded as silence. */
    COMFORT_NOISE(null),
    /** Not negotiated on this leg: dropped and counted. */
    UNKNOWN(null);

    private final G711 codec;

    PayloadKind(G711 codec) {
        this.codec = codec;
    }

    /** The decoder, or null for kinds that are not decoded. */
    G711 codec() {
        return codec;
    }
}
