package io.callvault.vault;

import io.callvault.core.RecordingId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One OS file lock per recording being written, so crash recovery can tell a writer that died (the OS
 * released its lock, even on kill -9) from one still running in another process (a CLI import beside the
 * server). Lock files live in one local directory; this is exact for writers on one machine.
 */
public final class WriterLocks {
    private final Path dir;

    public WriterLocks(Path dir) {
        this.dir = dir;
    }

    /** A held lock; closing releases it and removes its file. */
    public record Held(Path file, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Takes the lock of a recording about to be written; fails if someone else holds it. */
    public Held acquire(RecordingId id) throws IOException {
        return tryAcquire(id).orElseThrow(() -> new IOException("recording " + id + " is being written by another process"));
    }

    /** The lock if nobody holds it, so the caller may treat the recording as abandoned. */
    public Optional<Held> tryAcquire(RecordingId id) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(id + ".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new Held(file, ch, lock));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        }
    }
}
