package io.callvault.vault.access;

/** The actor lacks the permission; the message names who and what, never the data they tried to reach. */
public class AccessDeniedException extends Exception {
    public AccessDeniedException(String message) {
        super(message);
    }
}
