package io.callvault.api.auth;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.access.ApiToken;
import io.callvault.vault.spi.access.CredentialStore;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/tokens}: API tokens for machines. Everyone manages their own tokens; listing everyone's
 * ({@code ?all=true}) and revoking someone else's takes {@link Permission#TOKEN_MANAGE_ALL}. A token is
 * shown in full once, in the creation response; it expires after 1-365 days (default 90).
 */
public final class TokenRoutes {
    public static final int MAX_DAYS = 365;
    public static final int DEFAULT_DAYS = 90;

    /** Creation request; {@code expiresInDays} null means {@value #DEFAULT_DAYS}. */
    public record CreateToken(String name, Integer expiresInDays) {
    }

    /** A token as listed: never the secret or its hash. */
    public record TokenView(String id, String name, String username, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, boolean active) {
        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.id(), t.name(), t.username(), t.createdAt(), t.expiresAt(), t.revokedAt(),
                    t.usableAt(now));
        }
    }

    /** The creation response: the listing fields and, this once, the token text. */
    public record CreatedToken(String id, String name, String username, Instant createdAt, Instant expiresAt,
                               String token) {
    }

    private final CredentialStore credentials;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final int maxBodyBytes;

    public TokenRoutes(CredentialStore credentials, AuditTrail audit, InstantSource clock, int maxBodyBytes) {
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/tokens", SIGNED_IN, this::list),
                Route.post("/api/v1/tokens", SIGNED_IN, this::create),
                Route.delete("/api/v1/tokens/{id}", SIGNED_IN, this::revoke));
    }

    private void list(Context ctx, Principal caller) throws Exception {
        boolean all = Params.bool(ctx, "all", false);
        if (all) {
            audit.require(caller.actor(), Permission.TOKEN_MANAGE_ALL, "token.list_all", "");
        }
        Instant now = clock.instant();
        List<TokenView> items = credentials.tokens(all ? null : caller.username()).stream()
                .map(t -> TokenView.of(t, now)).toList();
        Json.write(ctx, 200, Map.of("items", items));
    }

    private void create(Context ctx, Principal caller) throws Exception {
        CreateToken req = Json.read(ctx, CreateToken.class, maxBodyBytes);
        int days = req.expiresInDays() == null ? DEFAULT_DAYS : req.expiresInDays();
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.invalid("expiresInDays must be 1.." + MAX_DAYS + ", not " + days);
        }
        TokenText text = TokenText.generate();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(text.id(), req.name() == null ? null : req.name().strip(), caller.username(),
                text.secretHash(), now, now.plus(Duration.ofDays(days)), null);
        credentials.createToken(token);
        audit.record(caller.actor(), "token.create", token.id(), "ok", "name '" + token.name() + "', expires "
                + token.expiresAt());
        Json.write(ctx, 201, new CreatedToken(token.id(), token.name(), token.username(), token.createdAt(),
                token.expiresAt(), text.text()));
    }

    private void revoke(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        Optional<ApiToken> token = credentials.findToken(id);
        if (token.isEmpty()) {
            throw ApiException.notFound("no API token " + id);
        }
        if (!token.get().username().equals(caller.username())) {
            audit.require(caller.actor(), Permission.TOKEN_MANAGE_ALL, "token.revoke", id);
        }
        credentials.revokeToken(id, clock.instant());
        audit.record(caller.actor(), "token.revoke", id, "ok", "owner " + token.get().username());
        ctx.status(204);
    }
}
