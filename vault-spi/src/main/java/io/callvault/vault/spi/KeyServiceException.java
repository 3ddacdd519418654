package io.callvault.vault.spi;

/** A key could not be created, wrapped, unwrapped or loaded; the message says which and why. */
public class KeyServiceException extends Exception {
    public KeyServiceException(String message) {
        super(message);
    }

    public KeyServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
