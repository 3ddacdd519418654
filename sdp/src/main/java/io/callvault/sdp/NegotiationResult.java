package io.callvault.sdp;

import java.util.Objects;

/** The outcome of {@link CodecNegotiation}: a description to send, or why there is none. */
public sealed interface NegotiationResult {

    /**
     * {@code sdp} is the answer (or the filtered offer); {@code audioIndex} is the one media section that
     * carries the call's audio, the one the relay and the recorder use.
     */
    record Accepted(SessionDescription sdp, int audioIndex) implements NegotiationResult {
        public Accepted {
            Objects.requireNonNull(sdp, "sdp");
            if (audioIndex < 0 || audioIndex >= sdp.media().size()) {
                throw new IllegalArgumentException("audio index " + audioIndex + " outside the " + sdp.media().size()
                        + " media sections");
            }
        }
    }

    /**
     * No audio stream both sides support. A UAS answers the INVITE with 488 Not Acceptable Here (RFC 3261
     * §21.4.26; RFC 3264 §6) and {@code reason} in a Warning header.
     */
    record Rejected(String reason) implements NegotiationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
