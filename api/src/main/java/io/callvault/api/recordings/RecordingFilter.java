package io.callvault.api.recordings;

import io.callvault.api.errors.ApiException;
import io.callvault.api.http.Params;
import io.callvault.core.PhoneNumber;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingState;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The search parameters of {@code GET /api/v1/recordings}: {@code party} (caller or callee, E.164 or
 * extension), {@code agent} (repeatable: username or extension), {@code since} (inclusive) and {@code until}
 * (exclusive) on the start time, {@code tag=key:value} (repeatable, all must hold), {@code state}
 * (recording, sealed, interrupted, blob_missing), {@code flag} (held: under an active legal hold;
 * interrupted: same as state=interrupted), {@code offset} and {@code limit} (1-{@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}).
 */
record RecordingFilter(PhoneNumber party, List<String> agents, Instant since, Instant until, Map<String, String> tags,
                       RecordingState state, boolean held, int offset, int limit) {
    static final int MAX_LIMIT = 200;
    static final int DEFAULT_LIMIT = 50;

    static RecordingFilter parse(Context ctx) throws ApiException {
        PhoneNumber party = Params.numberParam(ctx, "party");
        List<String> agents = ctx.queryParams("agent").stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        String sinceText = Params.optional(ctx, "since");
        String untilText = Params.optional(ctx, "until");
        Instant since = sinceText == null ? null : Params.instant(sinceText, "query parameter 'since'");
        Instant until = untilText == null ? null : Params.instant(untilText, "query parameter 'until'");
        if (since != null && until != null && !since.isBefore(until)) {
            throw ApiException.badRequest("'since' must be before 'until'");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : ctx.queryParams("tag")) {
            int colon = t.indexOf(':');
            if (colon <= 0) {
                throw ApiException.badRequest("query parameter 'tag' is key:value, not '" + t + "'");
            }
            tags.put(t.substring(0, colon).strip(), t.substring(colon + 1).strip());
        }
        RecordingState state = state(Params.optional(ctx, "state"));
        boolean held = false;
        String flag = Params.optional(ctx, "flag");
        if (flag != null) {
            switch (flag) {
                case "held" -> held = true;
                case "interrupted" -> {
                    if (state != null && state != RecordingState.INTERRUPTED) {
                        throw ApiException.badRequest("flag=interrupted contradicts state=" + lower(state));
                    }
                    state = RecordingState.INTERRUPTED;
                }
                default -> throw ApiException.badRequest("query parameter 'flag' is held or interrupted, not '"
                        + flag + "'");
            }
        }
        int offset = Params.intIn(ctx, "offset", 0, Integer.MAX_VALUE - MAX_LIMIT - 1, 0);
        int limit = Params.intIn(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        return new RecordingFilter(party, agents, since, until, tags, state, held, offset, limit);
    }

    /** The catalog query for one more row than the page, so the response can say whether more follow. */
    RecordingQuery toQuery() {
        return new RecordingQuery(party, since, until, tags, state, agents.isEmpty() ? null : new TreeSet<>(agents),
                null, offset, limit + 1);
    }

    /**
     * The filter for the audit log. The party number is masked to its first three and last two characters:
     * the log outlives erased recordings and must not keep a data subject's number.
     */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (party != null) {
            String n = party.toString();
            parts.add("party=" + (n.length() <= 5 ? "…" : n.substring(0, 3) + "…" + n.substring(n.length() - 2)));
        }
        agents.forEach(a -> parts.add("agent=" + a));
        if (since != null) {
            parts.add("since=" + since);
        }
        if (until != null) {
            parts.add("until=" + until);
        }
        tags.keySet().forEach(k -> parts.add("tag=" + k + ":…"));
        if (state != null) {
            parts.add("state=" + lower(state));
        }
        if (held) {
            parts.add("flag=held");
        }
        parts.add("offset=" + offset);
        parts.add("limit=" + limit);
        return String.join("&", parts);
    }

    private static RecordingState state(String text) throws ApiException {
        if (text == null) {
            return null;
        }
        try {
            return RecordingState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter 'state' is recording, sealed, interrupted or blob_missing, "
                    + "not '" + text + "'");
        }
    }

    private static String lower(RecordingState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
