package io.callvault.media.record;

/** What {@link StereoRecorder#receive} did with a packet; every outcome but RECORDED is a counted drop. */
public enum PacketOutcome {
    /** Decoded and placed on the timeline. */
    RECORDED,
    /** Same source and sequence number as a packet already placed. */
    DUPLICATE,
    /** Its place on the timeline was already written out (older than the playout window). */
    LATE,
    /** Telephone-event, comfort noise, or an empty payload: not audio. */
    IGNORED,
    /** A payload type not in the leg's {@link PayloadMap}. */
    UNKNOWN_PAYLOAD,
    /** All of its audio lies before the recording's start. */
    BEFORE_START,
    /** More than one second of audio in one packet. */
    OVERSIZED,
    /** Arrived after {@link StereoRecorder#finish}. */
    AFTER_END
}
