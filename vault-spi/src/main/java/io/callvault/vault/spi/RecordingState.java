package io.callvault.vault.spi;

/**
 * Where a recording is in its life. Only {@code SEALED} and {@code INTERRUPTED} recordings are playable;
 * a deleted recording has no state, only a {@link Tombstone}.
 */
public enum RecordingState {
    /** Being written; its blob is pending. After a crash, start-up recovery moves it on. */
    RECORDING,
    /** Finished normally: digest and sizes are final. */
    SEALED,
    /** The writer died (crash, kill); sealed at recovery with what had reached storage. */
    INTERRUPTED,
    /** The catalog row exists but its blob is gone: reported by the integrity check, never playable. */
    BLOB_MISSING
}
