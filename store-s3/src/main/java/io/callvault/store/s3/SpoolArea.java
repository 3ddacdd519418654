package io.callvault.store.s3;

import io.callvault.vault.spi.BlobStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local files of blobs not yet uploaded: {@code <dir>/<key>~<nonce>}, the key's segments as
 * directories. S3 can neither append to an object nor show an unfinished multipart upload, so this is
 * where a pending blob lives and what crash recovery reads. The nonce gives each writer its own file;
 * '~' never occurs in a key. Files are rw-------, directories rwx------ (blobs are recordings).
 * Thread-safe: all state is in the filesystem.
 */
final class SpoolArea {

    private static final char NONCE_SEPARATOR = '~';
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] DIRECTORY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private final Path dir;

    SpoolArea(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(this.dir, DIRECTORY);
    }

    Path dir() {
        return dir;
    }

    /** A new, not yet existing file name for a writer of {@code key}; its directory exists. */
    Path newFileFor(String key) throws IOException {
        Path parent = parentOf(key);
        Files.createDirectories(parent, DIRECTORY);
        return parent.resolve(lastSegment(key) + NONCE_SEPARATOR
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
    }

    static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), FILE);
    }

    /** Makes the entry of a new spool file durable, so its synced bytes survive a power loss too. */
    static void syncDirectoryOf(Path file) throws IOException {
        if (!POSIX) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Spool files of {@code key}: normally one, two while a new writer is replacing an older one. */
    List<Path> filesOf(String key) throws IOException {
        List<Path> files = new ArrayList<>();
        // Keys hold no glob metacharacters, so the segment can be used as a pattern as is.
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parentOf(key), lastSegment(key) + NONCE_SEPARATOR + "*")) {
            s.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return files;
    }

    /** The most recently written spool file of {@code key}, if any. */
    Optional<Path> newestOf(String key) throws IOException {
        Path newest = null;
        FileTime newestTime = null;
        for (Path file : filesOf(key)) {
            try {
                FileTime time = Files.getLastModifiedTime(file);
                if (newest == null || time.compareTo(newestTime) > 0) {
                    newest = file;
                    newestTime = time;
                }
            } catch (NoSuchFileException gone) {
                // aborted or replaced meanwhile
            }
        }
        return Optional.ofNullable(newest);
    }

    void deleteAllOf(String key, Path except) throws IOException {
        for (Path file : filesOf(key)) {
            if (!file.equals(except)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Keys that have at least one spool file; files that do not map back to a key are ignored. */
    List<String> keys() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                int cut = name.lastIndexOf(NONCE_SEPARATOR);
                if (attrs.isRegularFile() && cut > 0 && isKey(name.substring(0, cut))) {
                    keys.add(name.substring(0, cut));
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
        return List.copyOf(keys);
    }

    static boolean isKey(String candidate) {
        try {
            BlobStore.checkKey(candidate);
            return true;
        } catch (IllegalArgumentException notAKey) {
            return false;
        }
    }

    private Path parentOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? dir : dir.resolve(key.substring(0, slash));
    }

    private static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
