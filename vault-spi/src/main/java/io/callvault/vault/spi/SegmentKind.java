package io.callvault.vault.spi;

/** What a time range of a recording is; the audio stays on the timeline either way. */
public enum SegmentKind {
    /** Recording paused (e.g. card payment): the range holds silence or a marker tone. */
    PAUSED,
    /** Audio replaced because it carried DTMF digits. */
    MASKED,
    /** The announcement played into the call. */
    ANNOUNCEMENT,
    /** No media arrived (packet loss, hold); filled with silence. */
    GAP
}
