package io.callvault.vault.access;

import static io.callvault.vault.access.Permission.*;

import io.callvault.vault.spi.access.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which role may do what (docs/access-control.md prints this table). Every API
 * endpoint and every governed operation asks {@link #allows}; nothing else grants a permission.
 *
 * <p>Recording permissions are "may do this to the recordings in scope": compliance and auditor see every
 * recording, a supervisor those of the agents in their teams, an agent their own (see
 * {@link RecordingScope}). Admins and auditors never hear audio.
 */
public final class AccessMatrix {
    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

    static {
        GRANTS.put(Role.ADMIN, EnumSet.of(USER_MANAGE, TOKEN_MANAGE_ALL, CONFIG_READ, ANNOUNCEMENT_MANAGE, KEYS_READ,
                KEYS_ROTATE, RECORDING_IMPORT, RETENTION_READ));
        GRANTS.put(Role.COMPLIANCE, EnumSet.of(RECORDING_SEARCH, RECORDING_READ, RECORDING_PLAY, RECORDING_DOWNLOAD,
                RECORDING_TAG, RECORDING_DELETE, RECORDING_IMPORT, CONFIG_READ, ANNOUNCEMENT_MANAGE, RETENTION_READ,
                RETENTION_MANAGE, HOLD_READ, HOLD_MANAGE, DSAR_READ, DSAR_MANAGE, AUDIT_READ));
        GRANTS.put(Role.SUPERVISOR, EnumSet.of(RECORDING_SEARCH, RECORDING_READ, RECORDING_PLAY, RECORDING_DOWNLOAD,
                RECORDING_TAG, CALL_CONTROL));
        GRANTS.put(Role.AGENT, EnumSet.of(RECORDING_SEARCH, RECORDING_READ, RECORDING_PLAY, CALL_CONTROL));
        GRANTS.put(Role.AUDITOR, EnumSet.of(RECORDING_SEARCH, RECORDING_READ, CONFIG_READ, KEYS_READ, RETENTION_READ,
                HOLD_READ, DSAR_READ, AUDIT_READ));
    }

    private AccessMatrix() {
    }

    public static boolean allows(Set<Role> roles, Permission permission) {
        return roles.stream().anyMatch(r -> GRANTS.get(r).contains(permission));
    }

    /** The permissions of one role, for documentation and the role-matrix test. */
    public static Set<Permission> grants(Role role) {
        return Collections.unmodifiableSet(GRANTS.get(role));
    }
}
