package io.callvault.vault;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds blobs without catalog rows (orphans: left by a crash between shredding a key and deleting its
 * blob, or by hand) and rows whose blob is gone. With repair, orphans are deleted (without a data key
 * they are undecryptable noise) and rows without blobs are marked {@code BLOB_MISSING}, so they are
 * reported everywhere instead of failing on play.
 */
public final class IntegrityCheck {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityCheck.class);

    public record Report(int recordingsChecked, List<String> orphanBlobs, List<RecordingId> missingBlobs,
                         boolean repaired) {
        public boolean clean() {
            return orphanBlobs.isEmpty() && missingBlobs.isEmpty();
        }
    }

    private final Vault vault;

    public IntegrityCheck(Vault vault) {
        this.vault = vault;
    }

    public Report run(boolean repair) throws VaultException {
        try {
            // Blobs first: a row is created before its blob is committed, so every committed blob listed
            // here has its row in the listing that follows.
            Set<String> blobs = new HashSet<>(vault.blobs().list("recordings/"));
            Set<String> referenced = new HashSet<>();
            List<RecordingId> missing = new ArrayList<>();
            int checked = 0;
            for (int offset = 0; ; offset += RecordingQuery.MAX_LIMIT) {
                List<RecordingRow> page = vault.catalog().search(RecordingQuery.all().withPage(offset,
                        RecordingQuery.MAX_LIMIT));
                for (RecordingRow row : page) {
                    checked++;
                    referenced.add(row.blobKey());
                    if (row.state() != RecordingState.RECORDING && !blobs.contains(row.blobKey())) {
                        missing.add(row.id());
                        if (repair && row.state() != RecordingState.BLOB_MISSING) {
                            vault.catalog().setState(row.id(), RecordingState.BLOB_MISSING, "blob " + row.blobKey()
                                    + " was missing from " + vault.blobs().describe() + " at " + vault.clock().instant());
                        }
                    }
                }
                if (page.size() < RecordingQuery.MAX_LIMIT) {
                    break;
                }
            }
            List<String> orphans = new ArrayList<>(blobs);
            orphans.removeAll(referenced);
            if (repair) {
                for (String key : orphans) {
                    vault.blobs().delete(key);
                }
            }
            Report report = new Report(checked, List.copyOf(orphans), List.copyOf(missing), repair);
            if (!report.clean()) {
                LOG.warn("Integrity check: {} orphan blob(s) {}{}, {} recording(s) without blob {}", orphans.size(),
                        repair ? "deleted " : "", orphans, missing.size(), missing);
            }
            return report;
        } catch (IOException | CatalogException e) {
            throw new VaultException("integrity check failed: " + e.getMessage(), e);
        }
    }
}
