package io.callvault.core;

/** Sample encodings the vault stores as they are (no transcoding, so imports round-trip bit-exact). */
public enum AudioEncoding {
    /** 16-bit signed little-endian linear PCM. */
    PCM_S16LE(2, 1),
    /** G.711 µ-law, one byte per sample. */
    MULAW(1, 7),
    /** G.711 A-law, one byte per sample. */
    ALAW(1, 6);

    private final int bytesPerSample;
    private final int wavFormatTag;

    AudioEncoding(int bytesPerSample, int wavFormatTag) {
        this.bytesPerSample = bytesPerSample;
        this.wavFormatTag = wavFormatTag;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** The WAVE fmt chunk's wFormatTag for this encoding (1 PCM, 6 A-law, 7 µ-law). */
    public int wavFormatTag() {
        return wavFormatTag;
    }
}
