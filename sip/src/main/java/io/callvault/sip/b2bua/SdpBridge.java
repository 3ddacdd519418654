package io.callvault.sip.b2bua;

import io.callvault.sdp.CodecNegotiation;
import io.callvault.sdp.NegotiationResult;
import io.callvault.sdp.Origin;
import io.callvault.sdp.SdpParseException;
import io.callvault.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The SDP side of media anchoring: every SDP that crosses the B2BUA is rewritten so both parties send
 * their media to callvault's relay, with callvault's own origin, and with only what callvault can relay and
 * record (PCMU, PCMA, telephone-event; RFC 3264 keeps the offerer's payload numbers).
 */
final class SdpBridge {
    /** ICE attributes name the peer's own addresses; forwarding them would let media bypass the relay. */
    private static final List<String> ICE = List.of("candidate", "ice-ufrag", "ice-pwd", "ice-options",
            "end-of-candidates", "remote-candidates", "ice-lite");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CodecNegotiation negotiation = CodecNegotiation.defaults();
    private final String sessionId = String.valueOf(RANDOM.nextLong() & Long.MAX_VALUE);
    private long version = 1;

    /** A parsed offer reduced to what we support, or why it cannot be accepted (for a 488). */
    sealed interface Filtered {
        record Ok(SessionDescription sdp, int audioIndex) implements Filtered {
        }

        record Refused(String reason) implements Filtered {
        }
    }

    static Optional<SessionDescription> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionDescription.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (SdpParseException e) {
            return Optional.empty();
        }
    }

    Filtered filter(SessionDescription offer) {
        return switch (negotiation.filterOffer(offer)) {
            case NegotiationResult.Accepted a -> new Filtered.Ok(a.sdp(), a.audioIndex());
            case NegotiationResult.Rejected r -> new Filtered.Refused(r.reason());
        };
    }

    /** Index of the first audio stream with a non-zero port, or -1. */
    static int audioIndex(SessionDescription sdp) {
        for (int i = 0; i < sdp.media().size(); i++) {
            if (sdp.media().get(i).media().equals("audio") && sdp.media().get(i).port() != 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code sdp} as callvault presents it: our origin, our relay address for the audio stream, no ICE. */
    synchronized SessionDescription anchored(SessionDescription sdp, int audioIndex, InetSocketAddress relay) {
        String address = relay.getAddress().getHostAddress();
        SessionDescription out = sdp.withOrigin(Origin.of("callvault", sessionId, version++, address));
        for (String attribute : ICE) {
            out = out.withoutAttribute(attribute);
        }
        if (audioIndex >= 0) {
            out = out.withMediaEndpoint(audioIndex, address, relay.getPort(), relay.getPort() + 1);
        }
        return out.withConnectionAddress(address);
    }
}
