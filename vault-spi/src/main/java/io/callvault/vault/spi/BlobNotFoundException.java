package io.callvault.vault.spi;

/** The blob asked for does not exist (never written, deleted, or lost). */
public class BlobNotFoundException extends BlobStoreException {
    public BlobNotFoundException(String message) {
        super(message);
    }
}
