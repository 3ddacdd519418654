package io.callvault.vault.dsar;

import io.callvault.vault.GovernanceException;
import io.callvault.vault.RecordingIntegrityException;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.Actor;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.decision.DecisionRecord;
import io.callvault.vault.spi.decision.DecisionStore;
import io.callvault.vault.spi.dsar.DsarRequest;
import io.callvault.vault.spi.hold.LegalHold;
import io.callvault.vault.spi.retention.RetentionAssignment;
import io.callvault.vault.spi.retention.RetentionStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the zip answering a data-subject access request: {@code recordings/<id>.wav} (decrypted and
 * digest-checked), {@code recordings/<id>.json} (metadata, segments, retention, holds, decision),
 * {@code audit.jsonl} (every audit entry about these recordings or the request) and {@code summary.txt}.
 * One instance per export; not thread-safe. Contains cleartext audio: the caller decides where it goes.
 */
final class DsarExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Vault vault;
    private final RetentionStore retention;
    private final DecisionStore decisions;
    private final LegalHolds holds;
    private final AuditTrail audit;
    private final Actor actor;
    private final Instant now;

    DsarExport(Vault vault, RetentionStore retention, DecisionStore decisions, LegalHolds holds, AuditTrail audit,
               Actor actor, Instant now) {
        this.vault = vault;
        this.retention = retention;
        this.decisions = decisions;
        this.holds = holds;
        this.audit = audit;
        this.actor = actor;
        this.now = now;
    }

    /** Writes the whole zip to {@code out} and finishes it, leaving {@code out} open. */
    void write(DsarRequest request, List<RecordingRow> rows, OutputStream out)
            throws IOException, CatalogException, GovernanceException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<LegalHold> active = holds.active();
        for (RecordingRow row : rows) {
            boolean audio = row.playable();
            if (audio) {
                begin(zip, "recordings/" + row.id() + ".wav");
                writeWav(request, row, zip);
                zip.closeEntry();
            }
            begin(zip, "recordings/" + row.id() + ".json");
            zip.write(Json.write(metadata(row, audio, LegalHolds.covering(active, row))).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Set<String> targets = rows.stream().map(r -> r.id().toString()).collect(Collectors.toCollection(TreeSet::new));
        targets.add(request.id());
        begin(zip, "audit.jsonl");
        for (AuditEntry e : audit.entriesFor(targets)) {
            zip.write((Json.write(auditLine(e)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
        begin(zip, "summary.txt");
        zip.write(summary(request, rows).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private void begin(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(now));
        zip.putNextEntry(entry);
    }

    /** Decrypts into the zip and audits "recording.export"; a recording that fails its checks fails the export. */
    private void writeWav(DsarRequest request, RecordingRow row, ZipOutputStream zip)
            throws IOException, CatalogException, GovernanceException {
        String target = row.id().toString();
        try (RecordingReader reader = vault.open(row.id())) {
            reader.writeWav(zip);
        } catch (VaultException | RecordingIntegrityException e) {
            audit.record(actor, "recording.export", target, "failed", e.getMessage());
            throw new GovernanceException(GovernanceException.Kind.FAILED, "export_failed", "the export of request "
                    + request.id() + " stopped at recording " + row.id() + ": " + e.getMessage()
                    + "; run 'bin/callvault vault check' and export again", e);
        }
        audit.record(actor, "recording.export", target, "ok", "data-subject request " + request.id());
    }

    private Map<String, Object> metadata(RecordingRow row, boolean audio, List<LegalHold> holding)
            throws CatalogException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id().toString());
        m.put("callId", row.callId());
        m.put("direction", row.direction().name());
        m.put("caller", party(row.caller()));
        m.put("callee", party(row.callee()));
        m.put("agent", row.agent());
        m.put("startedAt", row.startedAt());
        m.put("endedAt", row.endedAt());
        m.put("durationMillis", row.durationMillis());
        m.put("format", object("encoding", row.format().encoding().name(), "sampleRate", row.format().sampleRate(),
                "channels", row.format().channels()));
        m.put("state", row.state().name());
        m.put("stateReason", row.stateReason());
        m.put("audioSha256", row.plaintextSha256());
        m.put("audio", audio ? "recordings/" + row.id() + ".wav" : null);
        m.put("tags", row.tags());
        m.put("segments", vault.catalog().segments(row.id()).stream().map(DsarExport::segment).toList());
        RetentionAssignment a = retention.assignment(row.id()).orElse(null);
        m.put("retention", a == null ? null : object("policy", a.policy(), "retainUntil", a.retainUntil()));
        m.put("holds", holding.stream().map(h -> object("id", h.id(), "name", h.name(), "matter", h.matter())).toList());
        DecisionRecord d = decisions.byRecording(row.id()).orElse(null);
        m.put("decision", d == null ? null : new Json.Raw(d.decisionJson()));
        m.put("decisionOutcome", d == null ? null : object("callId", d.callId(), "decidedAt", d.decidedAt(),
                "recorded", d.recorded(), "outcome", d.outcome(), "consentEvidence",
                d.evidenceJson() == null ? null : new Json.Raw(d.evidenceJson())));
        return m;
    }

    private static Map<String, Object> party(Party p) {
        return object("number", p.number().toString(), "displayName", p.displayName());
    }

    private static Map<String, Object> segment(Segment s) {
        return object("startMillis", s.startMillis(), "endMillis", s.endMillis(), "kind", s.kind().name(),
                "reason", s.reason());
    }

    /** Every field, as 'callvault audit export' writes them: enough to re-verify the hashes elsewhere. */
    private static Map<String, Object> auditLine(AuditEntry e) {
        return object("seq", e.seq(), "at", e.at(), "actor", e.actor(), "source", e.source(), "action", e.action(),
                "target", e.target(), "outcome", e.outcome(), "details", e.details(), "prevHash", e.prevHash(),
                "hash", e.hash());
    }

    private String summary(DsarRequest r, List<RecordingRow> rows) {
        StringBuilder s = new StringBuilder();
        s.append("Data-subject request ").append(r.id()).append('\n');
        s.append("Kind:      ").append(r.kind()).append('\n');
        String subject = (r.subjectName() + (r.subjectEmail().isEmpty() ? "" : " <" + r.subjectEmail() + ">")).strip();
        s.append("Subject:   ").append(subject.isEmpty() ? "(not given)" : subject).append('\n');
        s.append("Numbers:   ").append(r.numbers().stream().map(Object::toString).collect(Collectors.joining(", ")))
                .append('\n');
        s.append("Received:  ").append(WHEN.format(r.receivedAt())).append('\n');
        s.append("Due:       ").append(WHEN.format(r.dueAt())).append('\n');
        s.append("Status:    ").append(r.status()).append('\n');
        s.append("Exported:  ").append(WHEN.format(now)).append(" by ").append(actor.name()).append("\n\n");
        s.append("Recordings: ").append(rows.size()).append('\n');
        for (RecordingRow row : rows) {
            s.append("  ").append(WHEN.format(row.startedAt())).append("  ").append(row.caller().number())
                    .append(" -> ").append(row.callee().number()).append("  ").append(duration(row.durationMillis()))
                    .append("  ").append(row.id())
                    .append(row.playable() ? "" : "  (no audio: " + row.state() + ")").append('\n');
        }
        s.append("\nEach recording's audio is recordings/<id>.wav and its details recordings/<id>.json.\n")
                .append("audit.jsonl lists every audited action on these recordings and on this request.\n");
        return s.toString();
    }

    private static String duration(long millis) {
        long seconds = millis / 1000;
        return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** An ordered JSON object from alternating keys and values (values may be null). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
