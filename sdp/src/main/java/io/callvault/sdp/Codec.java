package io.callvault.sdp;

/**
 * An RTP audio encoding callvault can carry: encoding name, clock rate, channel count, and the static
 * payload type RFC 3551 assigns it, or {@link #DYNAMIC}. Matching against an offer is by name (any case),
 * rate and channels (RFC 3264 §6.1), never by payload number alone.
 */
public record Codec(String encodingName, int clockRate, int channels, int staticPayloadType) {
    public static final int DYNAMIC = -1;

    /** G.711 µ-law, payload type 0 (RFC 3551 §4.5.14). */
    public static final Codec PCMU = new Codec("PCMU", 8000, 1, 0);
    /** G.711 A-law, payload type 8 (RFC 3551 §4.5.14). */
    public static final Codec PCMA = new Codec("PCMA", 8000, 1, 8);
    /** RFC 4733 named telephone events at the narrowband clock; dynamic payload type. */
    public static final Codec TELEPHONE_EVENT = new Codec("telephone-event", 8000, 1, DYNAMIC);
    /** RFC 3389 comfort noise, payload type 13. */
    public static final Codec CN = new Codec("CN", 8000, 1, 13);

    public Codec {
        Tokens.field("codec encoding name", encodingName);
        if (clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("codec clock rate and channels must be positive: " + clockRate + "/"
                    + channels);
        }
        boolean staticRange = staticPayloadType >= 0 && staticPayloadType < PayloadTypes.FIRST_DYNAMIC;
        if (staticPayloadType != DYNAMIC && !staticRange) {
            throw new IllegalArgumentException("static payload type must be 0 to 95 or DYNAMIC, not "
                    + staticPayloadType);
        }
    }

    public boolean matches(Attribute.RtpMap encoding) {
        return encoding.sameEncoding(encodingName, clockRate, channels);
    }

    public boolean isTelephoneEvent() {
        return encodingName.equalsIgnoreCase(TELEPHONE_EVENT.encodingName);
    }

    /** The {@code a=rtpmap} for this codec under {@code payloadType}. */
    public Attribute.RtpMap rtpMap(int payloadType) {
        return new Attribute.RtpMap(payloadType, encodingName, clockRate);
    }

    @Override
    public String toString() {
        return encodingName + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}
