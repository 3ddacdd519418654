package io.callvault.vault.access;

/**
 * Everything a caller of the API or the CLI may be allowed to do. Which role holds which permission is
 * {@link AccessMatrix}; recording permissions are further limited by the actor's {@link RecordingScope}.
 */
public enum Permission {
    RECORDING_SEARCH,
    RECORDING_READ,
    RECORDING_PLAY,
    RECORDING_DOWNLOAD,
    RECORDING_TAG,
    RECORDING_DELETE,
    RECORDING_IMPORT,
    USER_MANAGE,
    TOKEN_MANAGE_ALL,
    CONFIG_READ,
    /** Upload and remove the operator's recording announcements (docs/announcements.md). */
    ANNOUNCEMENT_MANAGE,
    KEYS_READ,
    KEYS_ROTATE,
    RETENTION_READ,
    RETENTION_MANAGE,
    HOLD_READ,
    HOLD_MANAGE,
    DSAR_READ,
    DSAR_MANAGE,
    AUDIT_READ,
    CALL_CONTROL
}
