package io.callvault.store.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callvault.testkit.BlobStoreContract;
import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path temp;

    private Path root;

    @Override
    protected BlobStore newStore() throws BlobStoreException {
        root = temp.resolve("blobs");
        return new FileBlobStore(root);
    }

    @Test
    void createdFilesAndDirectories_areOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        BlobSink sink = store.create("rec/2026/a.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(10, 1)));
        sink.sync();
        for (Path pending : pendingFiles()) {
            assertThat(mode(pending)).as(pending.toString()).isEqualTo("rw-------");
        }
        sink.commit();
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(root.resolve(FileBlobStore.PENDING_DIR))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("rec"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("rec/2026"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("rec/2026/a.bin"))).isEqualTo("rw-------");
    }

    @Test
    void pendingBlob_isNeverAtFinalPath() throws IOException {
        BlobSink sink = store.create("rec/b.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(5000, 2)));
        sink.sync();
        sink.close();
        assertThat(root.resolve("rec/b.bin")).doesNotExist();
        assertThat(pendingFiles()).singleElement()
                .satisfies(p -> assertThat(p).startsWith(root.resolve(FileBlobStore.PENDING_DIR)).hasSize(5000));
        sink.commit();
        assertThat(root.resolve("rec/b.bin")).hasSize(5000);
        assertThat(pendingFiles()).isEmpty();
    }

    @Test
    void abortedBlob_leavesNoFileAtFinalPathOrInPendingArea() throws IOException {
        BlobSink sink = store.create("rec/c.bin");
        writeFully(sink, ByteBuffer.wrap(bytes(5000, 3)));
        sink.sync();
        sink.abort();
        assertThat(root.resolve("rec/c.bin")).doesNotExist();
        assertThat(pendingFiles()).isEmpty();
    }

    @Test
    void newStoreOnSameRoot_listsPendingBlobOfCrashedWriter() throws IOException {
        byte[] data = bytes(70_000, 4);
        BlobSink crashed = store.create("rec/crashed.bin");
        try {
            writeFully(crashed, ByteBuffer.wrap(data));
            crashed.sync();
            try (BlobStore restarted = new FileBlobStore(root)) {
                assertThat(restarted.pendingKeys()).containsExactly("rec/crashed.bin");
                try (SeekableByteChannel in = restarted.openPending("rec/crashed.bin")) {
                    assertThat(readRest(in)).isEqualTo(data);
                }
            }
        } finally {
            crashed.abort();
        }
    }

    @Test
    void keyNamingADirectoryOfLongerKeys_isNotFoundAndDeleteKeepsThem() throws IOException {
        put("rec/d/e.bin", bytes(10, 5));
        assertThatThrownBy(() -> store.open("rec/d")).isInstanceOf(BlobNotFoundException.class);
        store.delete("rec/d");
        assertThat(store.list("rec/")).containsExactly("rec/d/e.bin");
    }

    @Test
    void nestedKeys_failToCommitWithExplanation() throws IOException {
        put("rec/f", bytes(10, 6));
        assertThatThrownBy(() -> put("rec/f/g.bin", bytes(10, 7)))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("cannot hold both");
        assertThatThrownBy(() -> put("rec", bytes(10, 8)))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("cannot hold both");
    }

    @Test
    void strayFiles_areNotListedAsBlobs() throws IOException {
        put("rec/h.bin", bytes(10, 9));
        Files.writeString(root.resolve("README.TXT"), "not a blob");
        Files.writeString(root.resolve("rec/Notes"), "not a blob either");
        assertThat(store.list("")).containsExactly("rec/h.bin");
    }

    @Test
    void rootThatIsAFile_isRefusedNamingThePath() throws IOException {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> new FileBlobStore(file))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void unwritableParent_isRefusedNamingThePathAndTheFix() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path locked = Files.createDirectory(temp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: permissions are not enforced");
            assertThatThrownBy(() -> new FileBlobStore(locked.resolve("blobs")))
                    .isInstanceOf(BlobStoreException.class)
                    .hasMessageContaining(locked.resolve("blobs").toString())
                    .hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private List<Path> pendingFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(FileBlobStore.PENDING_DIR))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
