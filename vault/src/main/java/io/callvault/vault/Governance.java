package io.callvault.vault;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingRow;
import java.util.Optional;

/**
 * What the vault asks the governance rules (legal holds, retention) about recordings. The vault consults
 * {@link #deletionBlocker} on every deletion path, so no caller can bypass a hold, and tells
 * {@link #recordingChanged} whenever a recording is created or re-tagged, so its retention class is
 * assigned at recording time.
 */
public interface Governance {

    /** No holds, no retention: for tests of the vault alone. */
    Governance NONE = new Governance() {
        @Override
        public Optional<String> deletionBlocker(RecordingRow row) {
            return Optional.empty();
        }

        @Override
        public void recordingChanged(RecordingRow row) {
        }
    };

    /** Why this recording must not be deleted now (e.g. "under legal hold 'Smith v Acme' (id …)"), or empty. */
    Optional<String> deletionBlocker(RecordingRow row) throws CatalogException;

    /** A recording was created or its tags changed; assign or re-evaluate its retention. */
    void recordingChanged(RecordingRow row) throws CatalogException;
}
