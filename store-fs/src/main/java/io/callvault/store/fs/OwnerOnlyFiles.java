package io.callvault.store.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates files (rw-------) and directories (rwx------) that only the owner can read, because blobs are
 * recordings, and makes directory entries durable. On a filesystem without POSIX permissions (Windows)
 * files get the platform's defaults and directory fsync is skipped, as the platform cannot do it.
 */
final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] DIRECTORY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private OwnerOnlyFiles() {
    }

    /** Creates {@code file}, which must not exist, open for writing. */
    static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), FILE);
    }

    /**
     * Creates {@code dir} and its missing parents, then fsyncs each parent that gained an entry, so a
     * blob committed into a new directory is still reachable after a power loss.
     */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir, DIRECTORY);
        for (Path created = dir; created != null && !created.equals(existing); created = created.getParent()) {
            syncDirectory(created.getParent());
        }
    }

    /** Makes renames, creations and deletions of entries in {@code dir} durable. */
    static void syncDirectory(Path dir) throws IOException {
        if (!POSIX || dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
