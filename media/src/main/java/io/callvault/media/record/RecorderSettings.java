package io.callvault.media.record;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs of {@link StereoRecorder}.
 *
 * @param playoutWindow how long after its place on the timeline a packet is still put in place; audio
 *     older than this (relative to the latest arrival or flush instant) is written out, and packets for it
 *     that arrive afterwards are dropped as late. 0–2 s; 120 ms covers softphone jitter on the internet.
 * @param reanchorThreshold how far a packet's timestamp-derived place may drift from its arrival time
 *     before the leg is re-anchored on arrival time (a sender that restarted its timestamps, a clock that
 *     drifted). 100 ms–60 s; larger than the playout window and any silence-suppression gap is not needed,
 *     because a consistent gap moves timestamp and arrival together.
 */
public record RecorderSettings(Duration playoutWindow, Duration reanchorThreshold) {
    public static final RecorderSettings DEFAULT = new RecorderSettings(Duration.ofMillis(120), Duration.ofSeconds(1));

    public RecorderSettings {
        Objects.requireNonNull(playoutWindow, "playoutWindow");
        Objects.requireNonNull(reanchorThreshold, "reanchorThreshold");
        if (playoutWindow.isNegative() || playoutWindow.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("playout window must be 0 to 2 s, not " + playoutWindow);
        }
        if (reanchorThreshold.compareTo(Duration.ofMillis(100)) < 0
                || reanchorThreshold.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("re-anchor threshold must be 100 ms to 60 s, not " + reanchorThreshold);
        }
    }
}
