package io.callvault.vault;

import com.google.crypto.tink.StreamingAead;
import io.callvault.core.RecordingId;
import io.callvault.vault.crypto.DataKey;
import io.callvault.vault.crypto.OffsetChannel;
import io.callvault.vault.format.RecordingHeader;
import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.KeyService;
import io.callvault.vault.spi.KeyServiceException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.Tombstone;
import io.callvault.vault.spi.WrappedKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted recording vault: envelope encryption of audio into a {@link BlobStore}, metadata and
 * wrapped data keys in a {@link Catalog}, key-encryption keys in a {@link KeyService}.
 *
 * <p>Each recording gets its own data key (DEK), wrapped by the primary KEK with the recording id as
 * associated data. Deleting a recording destroys its wrapped DEK (crypto-shredding) before the blob, so a
 * surviving copy of the blob (a backup, an S3 version) stays undecryptable. Thread-safe.
 */
public final class Vault implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    private final BlobStore blobs;
    private final Catalog catalog;
    private final KeyService keys;
    private final WriterLocks locks;
    private final InstantSource clock;
    private volatile Governance governance = Governance.NONE;

    public Vault(BlobStore blobs, Catalog catalog, KeyService keys, WriterLocks locks, InstantSource clock) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.keys = keys;
        this.locks = locks;
        this.clock = clock;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Puts the vault under the governance rules (legal holds, retention). Set once while wiring, before the
     * vault is used; until then {@link Governance#NONE} applies.
     */
    public void govern(Governance rules) {
        this.governance = java.util.Objects.requireNonNull(rules);
    }

    public BlobStore blobs() {
        return blobs;
    }

    public KeyService keys() {
        return keys;
    }

    InstantSource clock() {
        return clock;
    }

    WriterLocks locks() {
        return locks;
    }

    /** Durability policy for a writer: fsync after this many bytes of audio; 0 syncs only at seal. */
    public enum SyncPolicy {
        /** Live calls: sync every second of audio, so a crash loses at most about a second. */
        EVERY_SECOND,
        /** Imports: sync once at seal (an interrupted import is recovered or removed at the next start). */
        AT_SEAL
    }

    /**
     * Starts a recording: creates its catalog row (state RECORDING) with a fresh wrapped DEK, then the
     * pending blob with the header. The caller must end the writer with seal() or abort().
     */
    public RecordingWriter startRecording(NewRecording meta, SyncPolicy sync) throws VaultException {
        RecordingId id = RecordingId.random();
        RecordingHeader header = RecordingHeader.current(id);
        String blobKey = blobKey(id, "");
        RecordingRow row = RecordingRow.started(id, meta.callId(), meta.caller(), meta.callee(), meta.direction(),
                meta.agent(), meta.startedAt(), meta.format(), blobKey, header.formatVersion(), meta.tags());
        WriterLocks.Held lock;
        try {
            lock = locks.acquire(id);
        } catch (IOException e) {
            throw new VaultException("cannot lock new recording " + id + ": " + e.getMessage(), e);
        }
        try (DataKey dek = DataKey.generate()) {
            WrappedKey wrapped = keys.wrap(dek.cleartextForWrapping(), dataKeyAad(id));
            catalog.create(row, wrapped);
            governance.recordingChanged(row);
            BlobSink sink = blobs.create(blobKey);
            WritableByteChannel cipher = openCipher(dek, header, sink);
            long syncEvery = sync == SyncPolicy.EVERY_SECOND ? meta.format().bytesPerSecond() : 0;
            return new RecordingWriter(row, sink, cipher, catalog, this, lock, syncEvery);
        } catch (KeyServiceException | CatalogException | IOException | GeneralSecurityException e) {
            closeQuietly(lock);
            throw new VaultException("cannot start recording " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writes the header and returns the encrypting channel over the sink. */
    static WritableByteChannel openCipher(DataKey dek, RecordingHeader header, BlobSink sink)
            throws IOException, GeneralSecurityException {
        ByteBuffer h = ByteBuffer.wrap(header.toBytes());
        while (h.hasRemaining()) {
            sink.write(h);
        }
        return dek.streamingAead().newEncryptingChannel(sink, header.associatedData());
    }

    /**
     * Opens a sealed or interrupted recording for reading, after checking that its blob has the sealed
     * size and carries this recording's header.
     *
     * @throws RecordingNotFoundException (inside VaultException's cause) if there is no such recording
     */
    public RecordingReader open(RecordingId id) throws VaultException, IOException {
        RecordingRow row = find(id);
        if (!row.playable()) {
            throw new VaultException("recording " + id + " is " + row.state() + " and cannot be played"
                    + (row.stateReason().isEmpty() ? "" : " (" + row.stateReason() + ")"));
        }
        SeekableByteChannel blob;
        try {
            blob = blobs.open(row.blobKey());
        } catch (BlobNotFoundException e) {
            throw new VaultException("the audio of recording " + id + " is missing from " + blobs.describe()
                    + " (key " + row.blobKey() + "); run 'bin/callvault vault check'", e);
        }
        try {
            if (blob.size() != row.ciphertextBytes()) {
                throw new RecordingIntegrityException(id, "blob is " + blob.size() + " bytes but was sealed at "
                        + row.ciphertextBytes() + " (truncated or extended)", null);
            }
            RecordingHeader header = readHeader(blob, id);
            if (!header.id().equals(id)) {
                throw new RecordingIntegrityException(id, "blob belongs to recording " + header.id(), null);
            }
            StreamingAead aead;
            try (DataKey dek = unwrapDataKey(id)) {
                aead = dek.streamingAead();
            }
            SeekableByteChannel plain = aead.newSeekableDecryptingChannel(
                    new OffsetChannel(blob, RecordingHeader.LENGTH), header.associatedData());
            return new RecordingReader(row, plain);
        } catch (GeneralSecurityException e) {
            blob.close();
            throw new RecordingIntegrityException(id, e.getMessage(), e);
        } catch (IOException | VaultException | RuntimeException e) {
            blob.close();
            throw e;
        }
    }

    static RecordingHeader readHeader(SeekableByteChannel blob, RecordingId expected) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(RecordingHeader.LENGTH);
        blob.position(0);
        while (h.hasRemaining() && blob.read(h) >= 0) {
            // read until the header is complete or the blob ends
        }
        try {
            return RecordingHeader.parse(h.flip().remaining() == RecordingHeader.LENGTH ? h.array() : new byte[0]);
        } catch (IllegalArgumentException e) {
            throw new RecordingIntegrityException(expected, e.getMessage(), e);
        }
    }

    /** The recording's DEK in cleartext; the caller closes it. */
    DataKey unwrapDataKey(RecordingId id) throws VaultException {
        try {
            return DataKey.fromCleartext(keys.unwrap(catalog.dataKey(id), dataKeyAad(id)));
        } catch (RecordingNotFoundException e) {
            throw new VaultException("recording " + id + " has no data key: it was deleted (crypto-shredded)", e);
        } catch (CatalogException | KeyServiceException e) {
            throw new VaultException("cannot unwrap the data key of recording " + id + ": " + e.getMessage(), e);
        }
    }

    public RecordingRow find(RecordingId id) throws VaultException {
        try {
            return catalog.find(id).orElseThrow(() -> new RecordingNotFoundException(id));
        } catch (RecordingNotFoundException e) {
            String gone = tombstoneNote(id);
            throw new VaultException("no recording " + id + gone, e);
        } catch (CatalogException e) {
            throw new VaultException("cannot look up recording " + id + ": " + e.getMessage(), e);
        }
    }

    private String tombstoneNote(RecordingId id) {
        try {
            return catalog.tombstone(id).map(t -> " (deleted " + t.deletedAt() + " by " + t.deletedBy() + ": "
                    + t.reason() + ")").orElse("");
        } catch (CatalogException e) {
            return "";
        }
    }

    /**
     * Deletes a recording by crypto-shredding: the catalog destroys the wrapped DEK and the personal
     * data and writes a tombstone in one transaction; then the blob is deleted. If the blob deletion
     * fails, the recording is already unrecoverable and the orphan blob is removed by the next check.
     */
    public Tombstone delete(RecordingId id, String reason, String actor) throws VaultException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a deletion needs a reason");
        }
        RecordingRow row = find(id);
        if (!row.playable() && row.state() != io.callvault.vault.spi.RecordingState.BLOB_MISSING) {
            throw new VaultException("recording " + id + " is still being written; end the call first");
        }
        try {
            java.util.Optional<String> blocker = governance.deletionBlocker(row);
            if (blocker.isPresent()) {
                throw new RecordingHeldException(id, blocker.get());
            }
            Tombstone t = catalog.shred(id, reason.strip(), actor, clock.instant());
            deleteBlobQuietly(row.blobKey());
            LOG.info("Recording {} crypto-shredded by {}", id, actor);
            return t;
        } catch (CatalogException e) {
            throw new VaultException("cannot delete recording " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets (adds or overwrites) tags of a recording, an empty value removing one, and lets the governance
     * rules re-evaluate its retention.
     */
    public RecordingRow putTags(RecordingId id, java.util.Map<String, String> tags) throws VaultException {
        try {
            catalog.putTags(id, tags);
            RecordingRow row = find(id);
            governance.recordingChanged(row);
            return row;
        } catch (CatalogException e) {
            throw new VaultException("cannot tag recording " + id + ": " + e.getMessage(), e);
        }
    }

    /** Used by writers that abort and by recovery: shred without the state checks of {@link #delete}. */
    void shredAborted(RecordingRow row, String reason, String actor) throws CatalogException {
        catalog.shred(row.id(), reason, actor, clock.instant());
        deleteBlobQuietly(row.blobKey());
    }

    void deleteBlobQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException e) {
            LOG.warn("Blob {} could not be deleted now ({}); 'vault check' will remove it", key, e.toString());
        }
    }

    /** Associated data of a wrapped DEK: binds it to its recording, so keys cannot be swapped. */
    static byte[] dataKeyAad(RecordingId id) {
        return ("callvault dek " + id).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static String blobKey(RecordingId id, String suffix) {
        String s = id.toString();
        return "recordings/" + s.substring(0, 2) + "/" + s + suffix + ".cvr";
    }

    @Override
    public void close() throws Exception {
        try (blobs; catalog; keys) {
            LOG.debug("vault closed");
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
