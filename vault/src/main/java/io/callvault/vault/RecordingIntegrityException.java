package io.callvault.vault;

import io.callvault.core.RecordingId;
import java.io.IOException;

/**
 * A recording's stored bytes are not what was sealed: altered, truncated, extended, reordered, or swapped
 * with another recording's. Raised before any unverified audio is returned. It is an IOException so it
 * travels through streams that copy audio to a file or an HTTP response.
 */
public class RecordingIntegrityException extends IOException {
    private final RecordingId id;

    public RecordingIntegrityException(RecordingId id, String detail, Throwable cause) {
        super("recording " + id + " failed its integrity check: " + detail
                + ". The stored blob was altered or damaged; restore it from backup.", cause);
        this.id = id;
    }

    public RecordingId id() {
        return id;
    }
}
