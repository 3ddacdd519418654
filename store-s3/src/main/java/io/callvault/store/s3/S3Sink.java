package io.callvault.store.s3;

import io.callvault.vault.spi.BlobStoreException;
import io.callvault.vault.spi.LocalFileSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes a blob of an {@link S3BlobStore} to its spool file; nothing reaches S3 before {@link #commit()},
 * which uploads it. The life cycle (fsync on close, directory entry synced once, abort deletes) is
 * {@link LocalFileSink}'s. Not thread-safe, as the SPI allows.
 */
final class S3Sink extends LocalFileSink {
    private final S3BlobStore store;

    S3Sink(S3BlobStore store, String key, Path file, FileChannel channel) {
        super(key, file, channel);
        this.store = store;
    }

    @Override
    protected void publish(String key, Path file) throws BlobStoreException {
        store.publish(key, file);
    }

    @Override
    protected void syncDirectoryOf(Path file) throws IOException {
        SpoolArea.syncDirectoryOf(file);
    }

    @Override
    protected BlobStoreException failure(String what, Path file, IOException cause) {
        return store.spoolFailure(what, file, cause);
    }

    @Override
    protected String storeName() {
        return store.describe();
    }
}
