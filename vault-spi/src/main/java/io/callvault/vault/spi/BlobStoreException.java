package io.callvault.vault.spi;

import java.io.IOException;

/** Any failure of a {@link BlobStore}; the message names the store and the key. */
public class BlobStoreException extends IOException {
    public BlobStoreException(String message) {
        super(message);
    }

    public BlobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
