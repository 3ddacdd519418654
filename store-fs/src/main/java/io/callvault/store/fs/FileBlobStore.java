package io.callvault.store.fs;

import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} in a directory. Layout:
 * <pre>
 *   &lt;root&gt;/&lt;key&gt;                       committed blobs, the key's segments as directories
 *   &lt;root&gt;/.pending/&lt;key&gt;~&lt;nonce&gt;       pending blobs, one file per writer
 * </pre>
 * A pending file is never at the final path: commit fsyncs it, renames it into place atomically and
 * fsyncs the directory, so readers see nothing or the whole blob, also after a power loss. The nonce
 * lets a new writer of a key replace an earlier one without the two sharing a file; '~' cannot occur in
 * a key, so the pending area can always be mapped back to keys. {@code .pending} cannot clash with a key,
 * whose segments start with [a-z0-9].
 *
 * <p>Because keys are paths, a key cannot also be the directory of longer keys ("a" and "a/b"); the
 * second commit fails and says so. Directories emptied by deletes are kept. Everything created is
 * owner-only. Thread-safe: all state is in the filesystem.
 */
public final class FileBlobStore implements BlobStore {

    static final String PENDING_DIR = ".pending";
    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final char NONCE_SEPARATOR = '~';

    private final Path root;
    private final Path pendingRoot;

    /**
     * Opens the store at {@code root}, creating it (owner-only) if missing.
     *
     * @throws BlobStoreException naming the directory and what to change when it cannot be used
     */
    public FileBlobStore(Path root) throws BlobStoreException {
        this.root = root.toAbsolutePath().normalize();
        this.pendingRoot = this.root.resolve(PENDING_DIR);
        if (Files.exists(this.root) && !Files.isDirectory(this.root)) {
            throw new BlobStoreException(describe() + ": " + this.root
                    + " exists but is not a directory; point the blob store at a directory");
        }
        try {
            OwnerOnlyFiles.createDirectories(pendingRoot);
        } catch (IOException e) {
            throw failure("cannot create the blob directory", pendingRoot, e);
        }
        if (!Files.isWritable(this.root) || !Files.isWritable(pendingRoot)) {
            throw new BlobStoreException(describe() + ": " + this.root + " is not writable by user "
                    + System.getProperty("user.name") + "; make it owned by that user with mode 700");
        }
        warnIfOthersCanEnter(this.root);
    }

    @Override
    public BlobSink create(String key) throws BlobStoreException {
        BlobStore.checkKey(key);
        Path dir = pendingDirOf(key);
        Path file = dir.resolve(lastSegment(key) + NONCE_SEPARATOR
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        FileChannel channel;
        try {
            OwnerOnlyFiles.createDirectories(dir);
            channel = OwnerOnlyFiles.createNew(file);
        } catch (IOException e) {
            throw failure("cannot create pending blob " + key, file, e);
        }
        try {
            for (Path earlier : pendingFilesOf(key)) {
                if (!earlier.equals(file)) {
                    deletePendingFile(key, earlier);
                }
            }
        } catch (BlobStoreException e) {
            discardQuietly(channel, file, e);
            throw e;
        }
        return new FileSink(this, key, file, channel);
    }

    @Override
    public SeekableByteChannel open(String key) throws BlobStoreException {
        Path file = root.resolve(BlobStore.checkKey(key));
        if (Files.isDirectory(file)) {
            throw notFound("committed", key);
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw notFound("committed", key);
        } catch (IOException e) {
            throw failure("cannot open blob " + key, file, e);
        }
    }

    @Override
    public void delete(String key) throws BlobStoreException {
        Path file = root.resolve(BlobStore.checkKey(key));
        for (Path pending : pendingFilesOf(key)) {
            deletePendingFile(key, pending);
        }
        if (Files.isDirectory(file)) {
            return; // the key names a directory of longer keys, not a blob
        }
        try {
            if (Files.deleteIfExists(file)) {
                // Erasure must survive a power loss too.
                OwnerOnlyFiles.syncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw failure("cannot delete blob " + key, file, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws BlobStoreException {
        if (prefix == null || !prefix.matches("[a-z0-9._/-]*") || prefix.contains("..")) {
            throw new IllegalArgumentException("bad blob key prefix (lower-case [a-z0-9._-] and '/'): " + prefix);
        }
        // Walk only below the deepest directory the prefix names.
        Path start = root.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
        List<String> keys = new ArrayList<>();
        walkFiles(start, (file, attrs) -> {
            String key = keyOf(root.relativize(file));
            if (key.startsWith(prefix) && isKey(key)) {
                keys.add(key);
            }
        });
        return keys;
    }

    @Override
    public List<String> pendingKeys() throws BlobStoreException {
        Set<String> keys = new LinkedHashSet<>();
        walkFiles(pendingRoot, (file, attrs) -> {
            String name = keyOf(pendingRoot.relativize(file));
            int cut = name.lastIndexOf(NONCE_SEPARATOR);
            if (cut > 0 && isKey(name.substring(0, cut))) {
                keys.add(name.substring(0, cut));
            }
        });
        return List.copyOf(keys);
    }

    @Override
    public SeekableByteChannel openPending(String key) throws BlobStoreException {
        BlobStore.checkKey(key);
        // Normally one file; two only while create() is replacing an earlier writer: take the newest.
        Path newest = null;
        FileTime newestTime = null;
        for (Path file : pendingFilesOf(key)) {
            try {
                FileTime time = Files.getLastModifiedTime(file);
                if (newest == null || time.compareTo(newestTime) > 0) {
                    newest = file;
                    newestTime = time;
                }
            } catch (NoSuchFileException gone) {
                // aborted or replaced meanwhile
            } catch (IOException e) {
                throw failure("cannot read pending blob " + key, file, e);
            }
        }
        if (newest == null) {
            throw notFound("pending", key);
        }
        try {
            return FileChannel.open(newest, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw notFound("pending", key);
        } catch (IOException e) {
            throw failure("cannot open pending blob " + key, newest, e);
        }
    }

    @Override
    public String describe() {
        return "filesystem blob store " + root;
    }

    /** Nothing to release: every channel is owned by its sink or reader. */
    @Override
    public void close() {
    }

    /** Moves a closed, fsynced pending file to the key's path atomically and makes the rename durable. */
    void publish(String key, Path pendingFile) throws BlobStoreException {
        Path target = root.resolve(key);
        if (Files.isDirectory(target)) {
            throw collision(key, target, target, null);
        }
        try {
            OwnerOnlyFiles.createDirectories(target.getParent());
            Files.move(pendingFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (Files.notExists(pendingFile)) {
                throw new BlobStoreException(describe() + ": pending blob " + key + " (" + pendingFile
                        + ") was deleted or replaced by a newer writer; nothing was committed");
            }
            throw failure("cannot commit blob " + key, target, e);
        } catch (FileAlreadyExistsException e) {
            throw collision(key, target, Path.of(e.getFile()), e);
        } catch (IOException e) {
            throw failure("cannot commit blob " + key, target, e);
        }
        try {
            OwnerOnlyFiles.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw failure("blob " + key + " was renamed into place but its directory could not be synced;"
                    + " it may be lost on power failure", target.getParent(), e);
        }
    }

    private BlobStoreException collision(String key, Path target, Path at, IOException cause) {
        return new BlobStoreException(describe() + ": cannot commit blob " + key + " to " + target
                + ": a blob and a directory of longer keys collide at " + at
                + "; a filesystem store cannot hold both 'a' and 'a/...' (choose keys that do not nest)", cause);
    }

    BlobStoreException failure(String what, Path path, IOException e) {
        String reason = e instanceof AccessDeniedException denied
                ? "permission denied on " + denied.getFile() + "; create it (or its parent) owned by user "
                        + System.getProperty("user.name") + " with mode 700"
                : e.toString();
        return new BlobStoreException(describe() + ": " + what + " at " + path + ": " + reason, e);
    }

    private BlobNotFoundException notFound(String state, String key) {
        return new BlobNotFoundException(describe() + ": no " + state + " blob under key " + key);
    }

    private Path pendingDirOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? pendingRoot : pendingRoot.resolve(key.substring(0, slash));
    }

    private List<Path> pendingFilesOf(String key) throws BlobStoreException {
        Path dir = pendingDirOf(key);
        List<Path> files = new ArrayList<>();
        // Keys hold no glob metacharacters, so the segment can be used as a pattern as is.
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, lastSegment(key) + NONCE_SEPARATOR + "*")) {
            stream.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw failure("cannot list pending blobs of " + key, dir, e);
        }
        return files;
    }

    private static void discardQuietly(FileChannel channel, Path file, Exception failure) {
        try (channel) {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void deletePendingFile(String key, Path file) throws BlobStoreException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot delete pending blob " + key, file, e);
        }
    }

    /** Visits regular files below {@code start}; files and directories vanishing meanwhile are skipped. */
    private void walkFiles(Path start, BiConsumer<Path, BasicFileAttributes> visitor) throws BlobStoreException {
        if (!Files.isDirectory(start)) {
            return;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Committed listings never descend into the pending area.
                    return dir.equals(pendingRoot) && !start.equals(pendingRoot)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        visitor.accept(file, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw failure("cannot list blobs", start, e);
        }
    }

    /** Files inside are owner-only anyway; an open root still reveals keys (dates, ids) to other users. */
    private static void warnIfOthersCanEnter(Path dir) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                LOG.warn("blob directory {} has mode {}; consider chmod 700 so other users cannot list recordings",
                        dir, PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot read permissions of {}", dir, e);
        }
    }

    private static String keyOf(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static boolean isKey(String candidate) {
        try {
            BlobStore.checkKey(candidate);
            return true;
        } catch (IllegalArgumentException strayFile) {
            return false;
        }
    }
}
