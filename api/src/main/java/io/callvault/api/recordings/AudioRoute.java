package io.callvault.api.recordings;

import static io.callvault.api.http.Access.SIGNED_IN;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Params;
import io.callvault.api.http.Principal;
import io.callvault.api.http.Route;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.access.Permission;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.access.UserStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/recordings/{id}/audio}: the recording as a WAV file, with single byte ranges
 * ({@link ByteRange}: 206 with Content-Range, 416 when unsatisfiable, {@code Accept-Ranges: bytes} always)
 * so players can seek. Listening needs RECORDING_PLAY and is audited as recording.play; with
 * {@code ?download=true} the file comes as an attachment, needs RECORDING_DOWNLOAD and is audited as
 * recording.download. Both audit entries name the byte range. Only sealed or interrupted recordings have
 * audio (409 {@code not_playable} otherwise).
 */
public final class AudioRoute {
    private final Vault vault;
    private final ScopedRecordings scoped;
    private final AuditTrail audit;

    public AudioRoute(Vault vault, UserStore users, AuditTrail audit) {
        this.vault = vault;
        this.scoped = new ScopedRecordings(vault.catalog(), users);
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/recordings/{id}/audio", SIGNED_IN, this::audio));
    }

    private void audio(Context ctx, Principal caller) throws Exception {
        String id = ctx.pathParam("id");
        boolean download = Params.bool(ctx, "download", false);
        String action = download ? "recording.download" : "recording.play";
        audit.require(caller.actor(), download ? Permission.RECORDING_DOWNLOAD : Permission.RECORDING_PLAY, action, id);
        RecordingRow row = scoped.find(caller, id);
        if (!row.playable()) {
            throw ApiException.conflict("not_playable", "recording " + id + " is " + row.state().name()
                    .toLowerCase(Locale.ROOT) + " and has no audio to play");
        }
        RecordingReader reader = vault.open(row.id());
        try {
            long total = WavStream.totalLength(reader);
            Optional<ByteRange> range = ByteRange.parse(ctx.header("Range"), total);
            long from = range.map(ByteRange::first).orElse(0L);
            long to = range.map(r -> r.last() + 1).orElse(total);
            audit.record(caller.actor(), action, row.id().toString(), "ok",
                    range.map(ByteRange::contentRange).orElse("bytes 0-" + (total - 1) + "/" + total));
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + row.id()
                    + ".wav\"");
            ctx.header("Content-Length", Long.toString(to - from));
            range.ifPresent(r -> ctx.header("Content-Range", r.contentRange()));
            ctx.disableCompression();
            ctx.status(range.isPresent() ? 206 : 200).contentType("audio/wav");
            ctx.result(new WavStream(reader, from, to));
        } catch (Exception | Error e) {
            reader.close();
            throw e;
        }
    }
}
