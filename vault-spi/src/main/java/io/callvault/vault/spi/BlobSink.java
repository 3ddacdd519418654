package io.callvault.vault.spi;

import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A blob being written. Life cycle: {@code write}* ({@code sync})* then {@code close}, then exactly one of
 * {@link #commit()} or {@link #abort()}. {@code close()} only ends writing; it neither publishes nor
 * discards, so a stream that closes its underlying channel (as Tink's encrypting channel does) leaves the
 * decision to the owner. Not thread-safe.
 *
 * <p>Also held by every store: {@code close()} syncs; {@code write} after {@code close} fails;
 * {@code abort()} after {@code commit()} does nothing; a commit after the key was deleted or replaced by
 * a newer writer fails and publishes nothing, so a late writer cannot undo an erasure.
 */
public interface BlobSink extends WritableByteChannel {

    @Override
    int write(ByteBuffer src) throws BlobStoreException;

    /** Makes every byte written so far durable as part of the pending blob (fsync or equivalent). */
    void sync() throws BlobStoreException;

    /** Ends writing; idempotent. The blob stays pending. */
    @Override
    void close() throws BlobStoreException;

    /** Closes if needed and publishes the blob atomically under its key; the pending blob is gone after. */
    void commit() throws BlobStoreException;

    /** Closes if needed and discards the pending blob; idempotent, and safe after a failed commit. */
    void abort() throws BlobStoreException;

    /** Bytes written so far. */
    long size();
}
