package io.callvault.vault.spi;

/** Any failure of a {@link Catalog}; the message says which catalog and what was being done. */
public class CatalogException extends Exception {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
