package io.callvault.api.recordings;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Principal;
import io.callvault.core.RecordingId;
import io.callvault.vault.access.RecordingScope;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.access.UserStore;

/**
 * Looks recordings up within the caller's {@link RecordingScope}. A recording outside the scope is reported
 * exactly like one that does not exist — same status, code and message — and a malformed id likewise, so
 * ids cannot be probed. Deleted recordings are not found either (their tombstone is not shown here).
 */
final class ScopedRecordings {
    private final Catalog catalog;
    private final UserStore users;

    ScopedRecordings(Catalog catalog, UserStore users) {
        this.catalog = catalog;
        this.users = users;
    }

    RecordingScope scope(Principal caller) throws CatalogException {
        return RecordingScope.of(caller.actor(), users);
    }

    /** @throws ApiException 404 {@code not_found} if there is no such recording the caller may see */
    RecordingRow find(Principal caller, String idText) throws ApiException, CatalogException {
        RecordingId id;
        try {
            id = RecordingId.parse(idText);
        } catch (IllegalArgumentException e) {
            throw notFound(idText);
        }
        RecordingRow row = catalog.find(id).orElseThrow(() -> notFound(idText));
        if (!scope(caller).covers(row)) {
            throw notFound(idText);
        }
        return row;
    }

    private static ApiException notFound(String idText) {
        String shown = idText.length() > 40 ? idText.substring(0, 40) + "…" : idText;
        return ApiException.notFound("no recording " + shown);
    }
}
