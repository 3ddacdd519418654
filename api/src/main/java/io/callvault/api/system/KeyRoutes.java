package io.callvault.api.system;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.KeyRotation;
import io.callvault.vault.Vault;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/keys}: the keyring's status (KEYS_READ) — which key-encryption keys exist, which is
 * primary and how many recordings' data keys each wraps; never key material — and rotation (KEYS_ROTATE):
 * a new primary KEK, with every data key re-wrapped under it (audio untouched; safe to repeat after an
 * interruption). Audited as keys.read and keys.rotate.
 */
public final class KeyRoutes {
    /** One key-encryption key. */
    public record KekView(String id, boolean primary, int dataKeys) {
    }

    /** The keyring: its description (type and location, no secrets), the primary KEK and every KEK. */
    public record KeyringView(String description, String primary, List<KekView> keks) {
    }

    /** What a rotation did. */
    public record RotationView(String newKekId, int rewrapped, int skipped) {
    }

    private final Vault vault;
    private final AuditTrail audit;

    public KeyRoutes(Vault vault, AuditTrail audit) {
        this.vault = vault;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/keys", SIGNED_IN, this::status),
                Route.post("/api/v1/keys/rotate", SIGNED_IN, this::rotate));
    }

    private void status(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.KEYS_READ, "keys.read", "");
        String primary = vault.keys().primaryKekId();
        List<KekView> keks = new ArrayList<>();
        for (String kek : vault.keys().kekIds()) {
            keks.add(new KekView(kek, kek.equals(primary), vault.catalog().wrappedWith(kek).size()));
        }
        audit.record(caller.actor(), "keys.read", "", "ok", keks.size() + " KEKs");
        Json.write(ctx, 200, new KeyringView(vault.keys().describe(), primary, keks));
    }

    private void rotate(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.KEYS_ROTATE, "keys.rotate", "");
        KeyRotation.Result r;
        try {
            r = new KeyRotation(vault).rotate();
        } catch (VaultException e) {
            audit.record(caller.actor(), "keys.rotate", "", "failed", e.getMessage());
            throw e;
        }
        audit.record(caller.actor(), "keys.rotate", r.newKekId(), "ok", r.rewrapped() + " data keys re-wrapped, "
                + r.skipped() + " skipped");
        Json.write(ctx, 200, new RotationView(r.newKekId(), r.rewrapped(), r.skipped()));
    }
}
