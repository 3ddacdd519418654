package io.callvault.media.announce;

import io.callvault.media.relay.Leg;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an announcement played, to whom and when: the record a recording's consent rests on.
 *
 * @param promptId      {@link Prompt#id()}
 * @param promptSha256  {@link Prompt#sha256()}: names the exact audio
 * @param promptSamples samples in the prompt (8000 per second)
 * @param legs          the legs that were to hear it; empty when there was nothing to announce
 * @param startedAt     when playback began ({@link Announcement#start()})
 * @param endedAt       when the last sample went to the last announced leg, or playback stopped for a
 *                      cancel or an opt-out; null while still playing
 * @param samplesPlayed per announced leg, samples of the prompt sent toward it, in order from the first
 * @param completed     every announced leg was sent every sample
 * @param optOutLeg     the leg whose party pressed the opt-out key; null if none did
 * @param optOutAt      when that key press arrived; null exactly when {@code optOutLeg} is
 */
public record AnnouncementEvidence(String promptId, String promptSha256, int promptSamples, Set<Leg> legs,
        Instant startedAt, Instant endedAt, Map<Leg, Integer> samplesPlayed, boolean completed, Leg optOutLeg,
        Instant optOutAt) {
    public AnnouncementEvidence {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(promptSha256, "promptSha256");
        Objects.requireNonNull(startedAt, "startedAt");
        legs = Set.copyOf(legs);
        samplesPlayed = Map.copyOf(samplesPlayed);
        if (!samplesPlayed.keySet().equals(legs)) {
            throw new IllegalArgumentException("samples played are for " + samplesPlayed.keySet()
                    + " but the announced legs are " + legs);
        }
        for (int n : samplesPlayed.values()) {
            if (n < 0 || n > promptSamples) {
                throw new IllegalArgumentException(n + " samples played of a " + promptSamples + "-sample prompt");
            }
        }
        if (completed && samplesPlayed.values().stream().anyMatch(n -> n != promptSamples)) {
            throw new IllegalArgumentException("completed, yet some leg was not sent the whole prompt: " + samplesPlayed);
        }
        if ((optOutLeg == null) != (optOutAt == null)) {
            throw new IllegalArgumentException("opt-out leg and time go together, not " + optOutLeg + " at " + optOutAt);
        }
        if (optOutLeg != null && !legs.contains(optOutLeg)) {
            throw new IllegalArgumentException("opt-out from leg " + optOutLeg + ", which was not announced to");
        }
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("ended at " + endedAt + " before it started at " + startedAt);
        }
    }

    /** How much of the prompt {@code leg} was sent; zero for a leg not announced to. */
    public Duration played(Leg leg) {
        return Duration.ofNanos(samplesPlayed.getOrDefault(leg, 0) * 1_000_000_000L / WavReader.RATE);
    }

    public boolean optedOut() {
        return optOutLeg != null;
    }
}
