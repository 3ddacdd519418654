package io.callvault.media.announce;

import io.callvault.media.relay.Leg;

/**
 * Hears how an {@link Announcement} ends. Once it has started, exactly one of {@link #completed} and
 * {@link #interrupted} is called, or {@link #optedOut} instead of both when the opt-out comes during
 * playback; {@link #optedOut} may also follow {@link #completed} when it comes within the grace period.
 * {@link #optedOut} is called at most once. An announcement cancelled before it started reports nothing.
 *
 * <p>Threading: {@link #completed} and {@link #optedOut} run on the relay's event-loop thread, inside the
 * stage, before the session handles its next packet: a listener that stops the recording tap there is sure
 * the tap sees no later packet. {@link #interrupted} runs on the thread that called
 * {@link Announcement#cancel()}; {@link #completed} on the thread that called {@link Announcement#start()}
 * when there is nothing to play. No lock of the announcement is held during a call. Listeners must not
 * block, and what they throw is caught and logged, never passed to the relay.
 */
public interface AnnouncementListener {
    /** Every announced leg has been sent every sample of the prompt. */
    void completed(AnnouncementEvidence evidence);

    /** {@link Announcement#cancel()} came before the prompt had been played to every announced leg. */
    void interrupted(AnnouncementEvidence evidence);

    /** The party on {@code leg} pressed the opt-out key; {@code evidence} has the time and what was played. */
    void optedOut(Leg leg, AnnouncementEvidence evidence);
}
