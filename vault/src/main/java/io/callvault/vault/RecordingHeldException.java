package io.callvault.vault;

import io.callvault.core.RecordingId;

/** A deletion refused because the recording is under legal hold (or otherwise protected by governance). */
public class RecordingHeldException extends VaultException {
    private final RecordingId id;

    public RecordingHeldException(RecordingId id, String why) {
        super("recording " + id + " cannot be deleted: " + why);
        this.id = id;
    }

    public RecordingId id() {
        return id;
    }
}
