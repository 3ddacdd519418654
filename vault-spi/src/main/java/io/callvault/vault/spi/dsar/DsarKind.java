package io.callvault.vault.spi.dsar;

/** What the data subject asked for. */
public enum DsarKind {
    /** GDPR Art. 15: a copy of their recordings and what is known about them. */
    ACCESS,
    /** GDPR Art. 17: erase their recordings, except where a hold or a legal obligation keeps them. */
    ERASURE
}
