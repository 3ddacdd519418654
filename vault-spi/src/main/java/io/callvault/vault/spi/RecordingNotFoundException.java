package io.callvault.vault.spi;

import io.callvault.core.RecordingId;

/** No recording with this id exists in the catalog (never created, or deleted). */
public class RecordingNotFoundException extends CatalogException {
    private final RecordingId id;

    public RecordingNotFoundException(RecordingId id) {
        super("no recording " + id);
        this.id = id;
    }

    public RecordingId id() {
        return id;
    }
}
