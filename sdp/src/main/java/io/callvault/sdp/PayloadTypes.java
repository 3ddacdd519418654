package io.callvault.sdp;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RTP payload type numbers: the range check, and the static assignments of RFC 3551 §6 (tables 4 and 5)
 * that apply when an offer lists a static payload type without an {@code a=rtpmap}.
 */
public final class PayloadTypes {
    /** First dynamic payload type (RFC 3551 §6). */
    public static final int FIRST_DYNAMIC = 96;
    public static final int MAX = 127;

    private static final Map<Integer, Attribute.RtpMap> STATIC = Map.ofEntries(
            entry(0, "PCMU", 8000), entry(3, "GSM", 8000), entry(4, "G723", 8000), entry(5, "DVI4", 8000),
            entry(6, "DVI4", 16000), entry(7, "LPC", 8000), entry(8, "PCMA", 8000), entry(9, "G722", 8000),
            Map.entry(10, new Attribute.RtpMap(10, "L16", 44100, OptionalInt.of(2))), entry(11, "L16", 44100),
            entry(12, "QCELP", 8000), entry(13, "CN", 8000), entry(14, "MPA", 90000), entry(15, "G728", 8000),
            entry(16, "DVI4", 11025), entry(17, "DVI4", 22050), entry(18, "G729", 8000), entry(25, "CelB", 90000),
            entry(26, "JPEG", 90000), entry(28, "nv", 90000), entry(31, "H261", 90000), entry(32, "MPV", 90000),
            entry(33, "MP2T", 90000), entry(34, "H263", 90000));

    private PayloadTypes() {
    }

    static int check(int payloadType) {
        if (payloadType < 0 || payloadType > MAX) {
            throw new IllegalArgumentException("RTP payload type must be 0 to 127, not " + payloadType);
        }
        return payloadType;
    }

    /** The RFC 3551 static mapping of {@code payloadType}; empty for dynamic and unassigned numbers. */
    public static Optional<Attribute.RtpMap> staticMapping(int payloadType) {
        return Optional.ofNullable(STATIC.get(payloadType));
    }

    private static Map.Entry<Integer, Attribute.RtpMap> entry(int pt, String name, int rate) {
        return Map.entry(pt, new Attribute.RtpMap(pt, name, rate));
    }
}
