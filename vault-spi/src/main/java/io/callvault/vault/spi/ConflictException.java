package io.callvault.vault.spi;

/** A write refused because it clashes with what is stored: a duplicate name or id, or a changed state. */
public class ConflictException extends CatalogException {
    public ConflictException(String message) {
        super(message);
    }
}
