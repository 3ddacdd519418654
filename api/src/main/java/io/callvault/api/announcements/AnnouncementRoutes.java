package io.callvault.api.announcements;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.policy.rules.LanguageTags;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /api/v1/announcements}: the recording announcements the server plays (docs/announcements.md).
 * <ul>
 *   <li>{@code GET} lists them (CONFIG_READ; audited as announcement.list);</li>
 *   <li>{@code PUT /{language}} stores the request body, a WAV file sent as {@code audio/wav} (415 otherwise)
 *       of at most {@link #MAX_PROMPT_BYTES} (413), as the operator prompt for that language; a file the
 *       library refuses is 422 with its reason (ANNOUNCEMENT_MANAGE; audited as announcement.put with the
 *       language and the prompt's SHA-256);</li>
 *   <li>{@code DELETE /{language}} removes the operator prompt, 404 when there is none (ANNOUNCEMENT_MANAGE;
 *       audited as announcement.delete with the language and the removed prompt's SHA-256).</li>
 * </ul>
 * The permission is checked before the language or the body is looked at. A language that is not a tag in
 * canonical form ({@code de-at} for {@code de-AT}) is 400 with the right spelling.
 */
public final class AnnouncementRoutes {
    /** Largest upload: a 120 s prompt of 16-bit PCM at 8 kHz is under 2 MB, so this leaves ample room. */
    public static final int MAX_PROMPT_BYTES = 5 * 1024 * 1024;
    private static final List<String> WAV_TYPES = List.of("audio/wav", "audio/x-wav");

    /** One prompt as the API shows it. */
    public record AnnouncementView(String language, String source, String id, String sha256, long durationMs) {
        static AnnouncementView of(PromptInfo p) {
            return new AnnouncementView(p.language(), p.source().id(), p.id(), p.sha256(), p.duration().toMillis());
        }
    }

    /** The list answer. */
    public record AnnouncementList(List<AnnouncementView> items) {
    }

    private final PromptLibrary library;
    private final AuditTrail audit;

    public AnnouncementRoutes(PromptLibrary library, AuditTrail audit) {
        this.library = library;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/announcements", SIGNED_IN, this::list),
                Route.put("/api/v1/announcements/{language}", SIGNED_IN, this::put),
                Route.delete("/api/v1/announcements/{language}", SIGNED_IN, this::delete));
    }

    private void list(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.CONFIG_READ, "announcement.list", "");
        List<AnnouncementView> items = library.list().stream().map(AnnouncementView::of).toList();
        audit.record(caller.actor(), "announcement.list", "", "ok", items.size() + " prompts");
        Json.write(ctx, 200, new AnnouncementList(items));
    }

    private void put(Context ctx, Principal caller) throws Exception {
        String target = auditTarget(ctx);
        audit.require(caller.actor(), Permission.ANNOUNCEMENT_MANAGE, "announcement.put", target);
        String language = language(ctx);
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!WAV_TYPES.contains(mediaType)) {
            throw ApiException.unsupportedMediaType("send the prompt as the request body with Content-Type audio/wav "
                    + "(a WAV file: 8000 Hz mono, 16-bit PCM or G.711), not " + (type == null ? "no type" : type));
        }
        byte[] wav = body(ctx);
        PromptInfo stored;
        try {
            stored = library.put(language, wav);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        audit.record(caller.actor(), "announcement.put", language, "ok", "sha256 " + stored.sha256() + ", "
                + stored.duration().toMillis() + " ms, " + wav.length + " bytes");
        Json.write(ctx, 200, AnnouncementView.of(stored));
    }

    private void delete(Context ctx, Principal caller) throws Exception {
        String target = auditTarget(ctx);
        audit.require(caller.actor(), Permission.ANNOUNCEMENT_MANAGE, "announcement.delete", target);
        String language = language(ctx);
        Optional<PromptInfo> removed = library.remove(language);
        if (removed.isEmpty()) {
            throw ApiException.notFound("there is no uploaded announcement for '" + language + "'; built-in "
                    + "prompts and announcement.file cannot be removed (GET /api/v1/announcements lists them)");
        }
        audit.record(caller.actor(), "announcement.delete", language, "ok", "sha256 " + removed.get().sha256());
        ctx.status(204);
    }

    private static String language(Context ctx) throws ApiException {
        String language = ctx.pathParam("language");
        try {
            return LanguageTags.require(language);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("path parameter 'language': " + e.getMessage());
        }
    }

    /** The language as the audit names it before it is checked: as given when it is harmless, else a marker. */
    private static String auditTarget(Context ctx) {
        String language = ctx.pathParam("language");
        return language.matches("[A-Za-z0-9-]{1,35}") ? language : "(not a language tag)";
    }

    /** The raw body, at most {@link #MAX_PROMPT_BYTES}; 413 beyond, decided on the declared length when given. */
    private static byte[] body(Context ctx) throws ApiException {
        if (ctx.req().getContentLengthLong() > MAX_PROMPT_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(MAX_PROMPT_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read");
        }
        if (body.length > MAX_PROMPT_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw ApiException.invalid("the request body is empty; send the WAV file as the body");
        }
        return body;
    }

    private static ApiException tooLarge() {
        return ApiException.tooLarge("an announcement may be at most " + MAX_PROMPT_BYTES + " bytes; a prompt plays "
                + "at most 120 s of 8000 Hz mono audio, which needs under 2 MB");
    }
}
