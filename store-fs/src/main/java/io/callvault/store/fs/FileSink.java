package io.callvault.store.fs;

import io.callvault.vault.spi.BlobStoreException;
import io.callvault.vault.spi.LocalFileSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes one pending file of a {@link FileBlobStore}; {@link #commit()} renames it into place. The life
 * cycle (fsync on close, directory entry synced once, abort deletes) is {@link LocalFileSink}'s. Not
 * thread-safe, as the SPI allows.
 */
final class FileSink extends LocalFileSink {
    private final FileBlobStore store;

    FileSink(FileBlobStore store, String key, Path file, FileChannel channel) {
        super(key, file, channel);
        this.store = store;
    }

    @Override
    protected void publish(String key, Path file) throws BlobStoreException {
        store.publish(key, file);
    }

    @Override
    protected void syncDirectoryOf(Path file) throws IOException {
        OwnerOnlyFiles.syncDirectory(file.getParent());
    }

    @Override
    protected BlobStoreException failure(String what, Path file, IOException cause) {
        return store.failure(what, file, cause);
    }

    @Override
    protected String storeName() {
        return store.describe();
    }
}
