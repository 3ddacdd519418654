package io.callvault.vault;

import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.hold.LegalHold;
import java.util.List;
import java.util.Optional;

/**
 * The governance the vault obeys: legal holds block every deletion, and retention assigns each recording
 * its policy when it is created or re-tagged. Wire it with {@code vault.govern(new GovernanceRules(holds,
 * retention))} before the vault is used. Thread-safe (both parts are).
 */
public final class GovernanceRules implements Governance {
    private final LegalHolds holds;
    private final Retention retention;

    public GovernanceRules(LegalHolds holds, Retention retention) {
        this.holds = holds;
        this.retention = retention;
    }

    /** "under legal hold 'Smith v Acme' (id …)", naming every active hold covering it; empty if none. */
    @Override
    public Optional<String> deletionBlocker(RecordingRow row) throws CatalogException {
        List<LegalHold> holding = holds.holding(row);
        return holding.isEmpty() ? Optional.empty() : Optional.of("under " + LegalHolds.describe(holding));
    }

    @Override
    public void recordingChanged(RecordingRow row) throws CatalogException {
        retention.assign(row);
    }
}
