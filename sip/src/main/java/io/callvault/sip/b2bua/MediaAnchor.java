package io.callvault.sip.b2bua;

import io.callvault.sdp.SessionDescription;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * How the B2BUA anchors a call's media without knowing the relay or the recorder: the server implements
 * it with the media relay and the vault. One {@link MediaSession} per call.
 */
public interface MediaAnchor {

    /** Who is on a call, for the recording's metadata. Numbers are extension numbers or E.164. */
    record Participants(String label, String callId, String caller, String callerName, String callee,
                        String calleeName, io.callvault.core.Direction direction) {
    }

    /** Allocates the relay ports of a new call. */
    MediaSession open(Participants participants) throws IOException;

    /** The media of one call. Methods are called under the call's lock, from SIP threads. */
    interface MediaSession extends AutoCloseable {
        /** Our RTP address that the SDP sent towards {@code side} must announce. */
        InetSocketAddress local(Side side);

        /** What {@code side}'s own SDP says about where it receives media (offer or answer). */
        void remote(Side side, SessionDescription sdp, int audioIndex);

        /**
         * Before the callee is rung: whether something must be played to the caller first (the recording
         * announcement of an inbound call, RFC 3960 early media). If so, the session starts playing it and
         * calls {@code proceed} once it is done — from a thread of its own, never under the call's lock —
         * while the B2BUA answers the caller 183 with SDP for {@link #local(Side) local(CALLER)} and rings
         * the callee only after {@code proceed}.
         *
         * @return false when nothing is played; then {@code proceed} is never called
         */
        default boolean playBeforeRinging(SessionDescription callerOffer, int audioIndex, Runnable proceed) {
            return false;
        }

        /**
         * {@code side} pressed a key that arrived by SIP INFO. Called under the call's lock; must not block.
         *
         * @return true to keep the INFO from the other side (it is answered 200 here): a key that was an
         *         agent's feature code, not meant for the other party
         */
        default boolean keyPressed(Side side, char key) {
            return false;
        }

        /**
         * The call was answered with this final SDP on each side: recording (if policy says so) starts
         * now. Called once.
         */
        void answered(Instant at, SessionDescription callerSdp, SessionDescription calleeSdp);

        /**
         * A transfer (RFC 3515 REFER) replaced the party on {@code side}: from now on that side's media is the
         * new party's, whose SDP answer is {@code sdp}, and the call is between {@code now}'s parties (same label
         * and Call-ID as before). The session points the relay at the new party and starts the recording
         * decision again for the new set of parties: the recording of the call so far is sealed, the policy
         * decides afresh, and the newcomer hears the announcement where the rules require it. Called under the
         * call's lock; must not block.
         */
        default void transferred(Side side, Participants now, SessionDescription sdp, int audioIndex, Instant at) {
            remote(side, sdp, audioIndex);
        }

        /** The call ended (or never connected); releases ports and seals any recording. Idempotent. */
        @Override
        void close();
    }
}
