package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.junit.jupiter.api.Test;

class InMemoryBlobStoreTest extends BlobStoreContract {

    @Override
    protected BlobStore newStore() {
        return new InMemoryBlobStore();
    }

    /** The fake must not let crash-recovery tests read bytes that a real store could have lost. */
    @Test
    void unsyncedBytes_areNotPartOfPendingBlob() throws IOException {
        BlobSink sink = store.create("calls/partly-synced.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(100, 1)));
        sink.sync();
        writeFully(sink, ByteBuffer.wrap(bytes(50, 2)));
        try (SeekableByteChannel in = store.openPending("calls/partly-synced.bin")) {
            assertThat(readRest(in)).isEqualTo(bytes(100, 1));
        } finally {
            sink.abort();
        }
    }
}
