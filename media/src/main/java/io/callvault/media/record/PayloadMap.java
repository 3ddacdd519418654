package io.callvault.media.record;

import io.callvault.sdp.Attribute;
import io.callvault.sdp.MediaDescription;
import java.util.HashMap;
import java.util.Map;

/**
 * Payload type numbers of one leg and what they carry, as negotiated in that leg's SDP. A re-INVITE may
 * change it; the recorder is then given the new map with {@link StereoRecorder#updatePayloadMap}. Immutable;
 * equal when the mappings are. {@link #kindOf} is an array lookup: it runs for every RTP packet, in several
 * stages.
 */
public final class PayloadMap {
    /** The RFC 3551 static types: 0 PCMU, 8 PCMA, 13 CN. */
    public static final PayloadMap STATIC = new PayloadMap(Map.of(0, PayloadKind.PCMU, 8, PayloadKind.PCMA,
            13, PayloadKind.COMFORT_NOISE));

    private final Map<Integer, PayloadKind> kinds;
    private final PayloadKind[] byType = new PayloadKind[128];

    public PayloadMap(Map<Integer, PayloadKind> kinds) {
        this.kinds = Map.copyOf(kinds);
        java.util.Arrays.fill(byType, PayloadKind.UNKNOWN);
        this.kinds.forEach((pt, kind) -> {
            if (pt < 0 || pt > 127) {
                throw new IllegalArgumentException("payload type must be 0 to 127, not " + pt);
            }
            if (kind == PayloadKind.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is what unmapped types are; do not map " + pt + " to it");
            }
            byType[pt] = kind;
        });
    }

    /** Every mapped payload type and its kind. */
    public Map<Integer, PayloadKind> kinds() {
        return kinds;
    }

    /**
     * The map for the payload types of a negotiated audio section: PCMU/8000 and PCMA/8000 (by rtpmap or
     * static number), telephone-event and CN at any rate; anything else stays unknown.
     */
    public static PayloadMap fromSdp(MediaDescription media) {
        Map<Integer, PayloadKind> kinds = new HashMap<>();
        for (int pt : media.payloadTypes()) {
            media.encoding(pt).ifPresent(e -> {
                PayloadKind kind = kindOf(e);
                if (kind != PayloadKind.UNKNOWN) {
                    kinds.put(pt, kind);
                }
            });
        }
        return new PayloadMap(kinds);
    }

    private static PayloadKind kindOf(Attribute.RtpMap e) {
        if (e.sameEncoding("PCMU", 8000, 1)) {
            return PayloadKind.PCMU;
        }
        if (e.sameEncoding("PCMA", 8000, 1)) {
            return PayloadKind.PCMA;
        }
        if (e.encodingName().equalsIgnoreCase("telephone-event")) {
            return PayloadKind.TELEPHONE_EVENT;
        }
        return e.encodingName().equalsIgnoreCase("CN") ? PayloadKind.COMFORT_NOISE : PayloadKind.UNKNOWN;
    }

    /** What {@code payloadType} carries on this leg; {@link PayloadKind#UNKNOWN} when not mapped. */
    public PayloadKind kindOf(int payloadType) {
        return payloadType >= 0 && payloadType < 128 ? byType[payloadType] : PayloadKind.UNKNOWN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayloadMap other && kinds.equals(other.kinds);
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }

    @Override
    public String toString() {
        return "PayloadMap" + kinds;
    }
}
