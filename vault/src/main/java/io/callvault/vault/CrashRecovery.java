package io.callvault.vault;

import com.google.crypto.tink.StreamingAead;
import io.callvault.core.RecordingId;
import io.callvault.vault.crypto.DataKey;
import io.callvault.vault.crypto.OffsetChannel;
import io.callvault.vault.crypto.TailPaddedChannel;
import io.callvault.vault.format.RecordingHeader;
import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Seal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery of recordings whose writer died (crash, kill -9, power loss). A recording in state
 * RECORDING whose writer lock is free is either
 * <ul>
 *   <li>sealed as {@code INTERRUPTED}: every ciphertext segment that reached storage and authenticates is
 *       decrypted and re-encrypted (in memory, segment by segment) into a new, properly finished blob;</li>
 *   <li>sealed as {@code SEALED} if the writer had already published the blob when it died;</li>
 *   <li>or removed with a tombstone if no audio reached storage.</li>
 * </ul>
 * Nothing half-written stays visible: afterwards no abandoned row is RECORDING and no pending blob is
 * left. Running it twice is harmless (each step is redone from the catalog state).
 */
public final class CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);
    static final String ACTOR = "system:recovery";
    private static final int READ_STEP = 4096;
    /** Fake tail for torn streams: longer than a GCM tag, far shorter than a segment. */
    private static final int TORN_TAIL = 64;

    /** What recovery did, for the log and for 'vault check'. */
    public record Report(List<RecordingId> interrupted, List<RecordingId> completed, List<RecordingId> removed,
                         List<RecordingId> stillWriting, List<String> stalePendingDeleted) {
        public boolean nothingToDo() {
            return interrupted.isEmpty() && completed.isEmpty() && removed.isEmpty() && stalePendingDeleted.isEmpty();
        }
    }

    private final Vault vault;

    public CrashRecovery(Vault vault) {
        this.vault = vault;
    }

    public Report recover() throws VaultException {
        List<RecordingId> interrupted = new ArrayList<>();
        List<RecordingId> completed = new ArrayList<>();
        List<RecordingId> removed = new ArrayList<>();
        List<RecordingId> stillWriting = new ArrayList<>();
        Set<String> liveKeys = new HashSet<>();
        for (RecordingRow row : recordingRows()) {
            try {
                Optional<WriterLocks.Held> lock = vault.locks().tryAcquire(row.id());
                if (lock.isEmpty()) {
                    stillWriting.add(row.id());
                    liveKeys.add(row.blobKey());
                    continue;
                }
                try (WriterLocks.Held held = lock.get()) {
                    switch (salvage(row)) {
                        case INTERRUPTED -> interrupted.add(row.id());
                        case SEALED -> completed.add(row.id());
                        case REMOVED -> removed.add(row.id());
                    }
                }
            } catch (IOException | CatalogException | GeneralSecurityException e) {
                throw new VaultException("recovery of recording " + row.id() + " failed: " + e.getMessage(), e);
            }
        }
        List<String> stale = deleteStalePending(liveKeys);
        Report report = new Report(interrupted, completed, removed, stillWriting, stale);
        if (!report.nothingToDo()) {
            LOG.warn("Crash recovery: {} recording(s) sealed as interrupted {}, {} completed {}, {} removed (no audio "
                            + "had reached storage) {}, {} stale pending blob(s) deleted", interrupted.size(), interrupted,
                    completed.size(), completed, removed.size(), removed, stale.size());
        }
        return report;
    }

    private enum Outcome { INTERRUPTED, SEALED, REMOVED }

    private List<RecordingRow> recordingRows() throws VaultException {
        try {
            return vault.catalog().search(RecordingQuery.all().withState(RecordingState.RECORDING));
        } catch (CatalogException e) {
            throw new VaultException("cannot list recordings in progress: " + e.getMessage(), e);
        }
    }

    private Outcome salvage(RecordingRow row) throws IOException, CatalogException, GeneralSecurityException,
            VaultException {
        SeekableByteChannel source;
        boolean committed = false;
        try {
            source = vault.blobs().openPending(row.blobKey());
        } catch (BlobNotFoundException e) {
            try {
                source = vault.blobs().open(row.blobKey());
                committed = true;
            } catch (BlobNotFoundException e2) {
                vault.shredAborted(row, "interrupted before any audio reached storage", ACTOR);
                return Outcome.REMOVED;
            }
        }
        String newKey = Vault.blobKey(row.id(), committed ? "-r" : "-recovered");
        try (SeekableByteChannel blob = source; DataKey dek = vault.unwrapDataKey(row.id())) {
            RecordingHeader header;
            try {
                header = Vault.readHeader(blob, row.id());
            } catch (RecordingIntegrityException e) {
                vault.shredAborted(row, "interrupted before any audio reached storage", ACTOR);
                return Outcome.REMOVED;
            }
            StreamingAead aead = dek.streamingAead();
            SeekableByteChannel ciphertext = new OffsetChannel(blob, RecordingHeader.LENGTH);
            if (!committed) {
                ciphertext = new TailPaddedChannel(ciphertext, TORN_TAIL);
            }
            SeekableByteChannel plain = aead.newSeekableDecryptingChannel(ciphertext, header.associatedData());
            BlobSink sink = vault.blobs().create(newKey);
            WritableByteChannel cipher = Vault.openCipher(dek, header, sink);
            MessageDigest sha = Digests.sha256();
            long bytes = copyAuthenticated(plain, cipher, sha, row.format().bytesPerFrame());
            if (bytes == 0) {
                cipher.close();
                sink.abort();
                vault.shredAborted(row, "interrupted before any audio reached storage", ACTOR);
                return Outcome.REMOVED;
            }
            cipher.close();
            sink.commit();
            long millis = row.format().millisFor(bytes);
            RecordingState state = committed ? RecordingState.SEALED : RecordingState.INTERRUPTED;
            String reason = committed ? "sealed by recovery: the process stopped after storing the whole recording"
                    : "the recording process stopped during the call; " + millis + " ms that had reached storage "
                    + "were recovered";
            vault.catalog().seal(row.id(), new Seal(state, row.startedAt().plusMillis(millis), millis, bytes,
                    sink.size(), HexFormat.of().formatHex(sha.digest()), reason, newKey));
        }
        vault.deleteBlobQuietly(row.blobKey());
        return committed ? Outcome.SEALED : Outcome.INTERRUPTED;
    }

    /**
     * Copies plaintext until the end or the first segment that does not authenticate (the torn end of an
     * interrupted stream), keeping whole frames only. Returns the bytes copied.
     */
    private static long copyAuthenticated(SeekableByteChannel plain, WritableByteChannel cipher, MessageDigest sha,
                                          int frame) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(READ_STEP / frame * frame);
        long total = 0;
        boolean torn = false;
        while (!torn) {
            try {
                if (plain.read(buf) < 0) {
                    break;
                }
            } catch (IOException e) {
                torn = true; // bytes already in buf came from segments that authenticated
            }
            buf.flip();
            int whole = buf.remaining() / frame * frame;
            if (torn) {
                buf.limit(whole);
            } else if (whole < buf.remaining()) {
                ByteBuffer tail = buf.duplicate().position(whole);
                buf.limit(whole);
                total += write(buf, cipher, sha);
                buf.clear().put(tail);
                continue;
            }
            total += write(buf, cipher, sha);
            buf.clear();
        }
        return total;
    }

    private static int write(ByteBuffer buf, WritableByteChannel cipher, MessageDigest sha) throws IOException {
        int n = buf.remaining();
        sha.update(buf.duplicate());
        while (buf.hasRemaining()) {
            cipher.write(buf);
        }
        return n;
    }

    /**
     * Deletes pending blobs nobody will finish: their recording is gone, or recovery already moved its
     * audio to another key. A pending blob whose recording is locked by a live writer, or is the current
     * blob of its row, is left alone.
     */
    private List<String> deleteStalePending(Set<String> liveKeys) throws VaultException {
        List<String> deleted = new ArrayList<>();
        try {
            for (String key : vault.blobs().pendingKeys()) {
                Optional<RecordingId> id = idOfBlobKey(key);
                if (liveKeys.contains(key) || id.isEmpty()) {
                    continue;
                }
                Optional<WriterLocks.Held> lock = vault.locks().tryAcquire(id.get());
                if (lock.isEmpty()) {
                    continue;
                }
                try (WriterLocks.Held held = lock.get()) {
                    Optional<RecordingRow> row = vault.catalog().find(id.get());
                    if (row.isPresent() && row.get().blobKey().equals(key)) {
                        LOG.warn("Pending blob {} belongs to recording {} in state {}; left alone", key, id.get(),
                                row.get().state());
                        continue;
                    }
                    vault.blobs().delete(key);
                    deleted.add(key);
                }
            }
        } catch (IOException | CatalogException e) {
            throw new VaultException("cannot clean pending blobs in " + vault.blobs().describe() + ": " + e, e);
        }
        return deleted;
    }

    /** The recording id in a blob key made by {@link Vault#blobKey}, if it is one. */
    static Optional<RecordingId> idOfBlobKey(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!key.startsWith("recordings/") || name.length() < 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecordingId.parse(name.substring(0, 36)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
