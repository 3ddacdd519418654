package io.callvault.api.recordings;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Json;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.vault.NewRecording;
import io.callvault.vault.Tags;
import io.callvault.vault.Vault;
import io.callvault.vault.WavImporter;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.wav.InvalidWavException;
import io.callvault.vault.wav.WavHeader;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/recordings}: imports a WAV file sent as {@code multipart/form-data} (RECORDING_IMPORT),
 * with the checks of the command-line import: fields {@code file} (required), {@code caller} and
 * {@code callee} (required, E.164 or extension), {@code direction} (in, out, internal; default in),
 * {@code startedAt} (ISO-8601; default now), {@code agent}, {@code callId} and {@code tags} (repeatable,
 * {@code key=value}). The WAV header is validated completely before anything is stored; an unsupported or
 * damaged file is a 422 with the importer's reason and leaves nothing behind. The whole request is limited
 * to the configured upload size (413). Audited as recording.import.
 */
public final class ImportRoute {
    /** Room for the form fields and multipart boundaries next to the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final Vault vault;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final long maxUploadBytes;

    public ImportRoute(Vault vault, AuditTrail audit, InstantSource clock, long maxUploadBytes) {
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    public List<Route> routes() {
        return List.of(Route.post("/api/v1/recordings", SIGNED_IN, this::importWav));
    }

    private void importWav(Context ctx, Principal caller) throws Exception {
        audit.require(caller.actor(), Permission.RECORDING_IMPORT, "recording.import", "");
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiException.unsupportedMediaType("send the recording as multipart/form-data with a 'file' field");
        }
        if (ctx.req().getContentLengthLong() > maxUploadBytes + FORM_OVERHEAD) {
            throw tooLarge();
        }
        // The in-memory threshold is above the size limit, so Jetty never spools an upload to a file:
        // cleartext audio must not touch the disk (it goes from memory straight into the encrypting writer).
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), maxUploadBytes, maxUploadBytes + FORM_OVERHEAD,
                (int) Math.min(Integer.MAX_VALUE, maxUploadBytes + FORM_OVERHEAD + 1)));
        UploadedFile file;
        Map<String, List<String>> fields;
        try {
            file = ctx.uploadedFile("file");
            fields = ctx.formParamMap();
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin code
            throw mentionsSize(e) ? tooLarge() : ApiException.badRequest("the multipart body cannot be read: "
                    + "send multipart/form-data with a 'file' part");
        }
        if (file == null) {
            throw ApiException.invalid("file: attach the WAV file as the form field 'file'");
        }
        NewRecordingFields meta = NewRecordingFields.parse(fields, clock.instant());
        long size = file.size();
        try (InputStream in = file.content()) {
            WavHeader.read(in, size);
        } catch (InvalidWavException e) {
            throw ApiException.invalid(name(file) + e.getMessage());
        }
        RecordingRow row;
        try (InputStream in = new BufferedInputStream(file.content(), 1 << 16)) {
            row = new WavImporter(vault).importWav(in, size, meta::toNewRecording);
        } catch (InvalidWavException e) {
            throw ApiException.invalid(name(file) + e.getMessage());
        }
        audit.record(caller.actor(), "recording.import", row.id().toString(), "ok", row.format() + ", "
                + row.plaintextBytes() + " audio bytes");
        Json.write(ctx, 201, RecordingView.of(row));
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("a recording upload may be at most " + maxUploadBytes + " bytes");
    }

    /** Jetty reports a part or request over the multipart limits as "max file size exceeded" (or similar) in a cause. */
    private static boolean mentionsSize(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceeded") || m.contains("too large") || m.contains("413")) {
                return true;
            }
        }
        return false;
    }

    private static String name(UploadedFile file) {
        return file.filename() == null || file.filename().isBlank() ? "" : file.filename() + ": ";
    }

    /** The form fields besides the file, checked before the file is read. */
    record NewRecordingFields(Party caller, Party callee, Direction direction, Instant startedAt, String agent,
                              String callId, Map<String, String> tags) {

        static NewRecordingFields parse(Map<String, List<String>> fields, Instant now) throws ApiException {
            Party caller = party(one(fields, "caller"), "caller");
            Party callee = party(one(fields, "callee"), "callee");
            String dir = one(fields, "direction");
            Direction direction;
            try {
                direction = dir == null ? Direction.IN : Direction.parse(dir);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("direction: " + e.getMessage());
            }
            String started = one(fields, "startedAt");
            Instant startedAt = started == null ? now : Params.instant(started, "field 'startedAt'");
            Map<String, String> tags;
            try {
                tags = Tags.parse(fields.getOrDefault("tags", List.of()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("tags: " + e.getMessage());
            }
            return new NewRecordingFields(caller, callee, direction, startedAt, bounded(fields, "agent", 64),
                    bounded(fields, "callId", 256), tags);
        }

        NewRecording toNewRecording(AudioFormat format) {
            return new NewRecording(callId, caller, callee, direction, agent, startedAt, format, tags);
        }

        private static Party party(String number, String field) throws ApiException {
            if (number == null) {
                throw ApiException.invalid(field + ": required, an E.164 number such as +14155550123 or an extension");
            }
            try {
                return Party.of(number);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field + ": " + e.getMessage());
            }
        }

        /** An optional printable field of at most {@code max} characters. */
        private static String bounded(Map<String, List<String>> fields, String name, int max) throws ApiException {
            String v = one(fields, name);
            if (v != null && (v.length() > max || v.chars().anyMatch(Character::isISOControl))) {
                throw ApiException.invalid(name + ": at most " + max + " printable characters");
            }
            return v;
        }

        private static String one(Map<String, List<String>> fields, String name) throws ApiException {
            List<String> values = fields.getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw ApiException.badRequest("form field '" + name + "' may be given once");
            }
            return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
        }
    }
}
