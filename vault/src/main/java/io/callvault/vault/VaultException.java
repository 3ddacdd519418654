package io.callvault.vault;

/** A vault operation failed; the message says which recording, which store and what to do. */
public class VaultException extends Exception {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
