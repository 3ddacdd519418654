package io.callvault.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.Segment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How recordings look on the command line: a table row, a detail block, or JSON with stable field names. */
final class RecordingView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordingView() {
    }

    static Map<String, Object> toMap(RecordingRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("callId", r.callId());
        m.put("caller", party(r.caller()));
        m.put("callee", party(r.callee()));
        m.put("direction", r.direction().label());
        m.put("agent", r.agent());
        m.put("startedAt", r.startedAt().toString());
        m.put("endedAt", r.endedAt() == null ? null : r.endedAt().toString());
        m.put("durationMillis", r.durationMillis());
        m.put("encoding", r.format().encoding().name());
        m.put("sampleRate", r.format().sampleRate());
        m.put("channels", r.format().channels());
        m.put("audioBytes", r.plaintextBytes());
        m.put("storedBytes", r.ciphertextBytes());
        m.put("sha256", r.plaintextSha256());
        m.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("stateReason", r.stateReason());
        m.put("tags", r.tags());
        return m;
    }

    static Map<String, Object> toMap(RecordingRow r, List<Segment> segments, String kekId) {
        Map<String, Object> m = toMap(r);
        m.put("segments", segments.stream().map(s -> Map.of("startMillis", s.startMillis(), "endMillis",
                s.endMillis(), "kind", s.kind().name().toLowerCase(java.util.Locale.ROOT), "reason", s.reason())).toList());
        m.put("keyId", kekId);
        m.put("formatVersion", r.formatVersion());
        return m;
    }

    private static Map<String, Object> party(io.callvault.vault.spi.Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", p.number().e164());
        m.put("name", p.displayName());
        return m;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tableHeader() {
        return String.format("%-36s  %-20s  %9s  %-16s  %-16s  %-8s  %-11s  %s", "ID", "STARTED (UTC)", "DURATION",
                "CALLER", "CALLEE", "DIR", "STATE", "TAGS");
    }

    static String tableRow(RecordingRow r) {
        return String.format("%-36s  %-20s  %9s  %-16s  %-16s  %-8s  %-11s  %s", r.id(),
                r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                duration(r.durationMillis()), r.caller().number(), r.callee().number(), r.direction().label(),
                r.state().name().toLowerCase(java.util.Locale.ROOT), tags(r.tags()));
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        return String.format("%d:%02d:%02d.%d", d.toHours(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart() / 100);
    }

    private static String tags(Map<String, String> tags) {
        StringBuilder b = new StringBuilder();
        tags.forEach((k, v) -> b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    /** The criteria of a search, for the audit log (numbers are written as given: the audit is access-controlled). */
    static String describeQuery(io.callvault.vault.spi.RecordingQuery q) {
        StringBuilder b = new StringBuilder("search");
        if (q.party() != null) {
            b.append(" party=").append(q.party());
        }
        if (q.since() != null) {
            b.append(" since=").append(q.since());
        }
        if (q.until() != null) {
            b.append(" until=").append(q.until());
        }
        q.tags().forEach((k, v) -> b.append(" tag=").append(k).append(':').append(v));
        if (q.state() != null) {
            b.append(" state=").append(q.state());
        }
        return b.append(" offset=").append(q.offset()).append(" limit=").append(q.limit()).toString();
    }
}
