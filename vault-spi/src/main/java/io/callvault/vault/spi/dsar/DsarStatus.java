package io.callvault.vault.spi.dsar;

/** Where a data-subject request stands. Only {@code OPEN} requests count towards deadlines. */
public enum DsarStatus {
    OPEN,
    COMPLETED,
    REJECTED
}
