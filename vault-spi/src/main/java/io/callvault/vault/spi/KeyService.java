package io.callvault.vault.spi;

/**
 * Holds the key-encryption keys (KEKs) and wraps recordings' data keys with them. The default is a local
 * keyring file; an external KMS can implement the same contract.
 *
 * <p>Contract: {@link #wrap} uses the current primary KEK; {@link #unwrap} accepts a key wrapped by any
 * KEK the service still holds, so recordings stay readable across rotations. Associated data must match
 * between wrap and unwrap (the vault passes the recording id). Thread-safe.
 */
public interface KeyService extends AutoCloseable {

    /**
     * Encrypts a cleartext data key under the primary KEK. The caller keeps ownership of
     * {@code cleartextKey} and should wipe it after use.
     */
    WrappedKey wrap(byte[] cleartextKey, byte[] associatedData) throws KeyServiceException;

    /** Decrypts a wrapped key; fails if the KEK is unknown or the ciphertext or associated data differ. */
    byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyServiceException;

    /** Id of the KEK that {@link #wrap} uses now. */
    String primaryKekId() throws KeyServiceException;

    /** Ids of every KEK the service holds, the primary among them. */
    java.util.List<String> kekIds() throws KeyServiceException;

    /** Makes a new KEK the primary; older KEKs stay available for unwrapping. Returns the new id. */
    String rotate() throws KeyServiceException;

    /** A short description for logs and errors, never containing key material. */
    String describe();

    @Override
    default void close() throws KeyServiceException {
    }
}
