package io.callvault.vault.dsar;

import static io.callvault.vault.governance.GovernanceFixture.ALICE_AGENT;
import static io.callvault.vault.governance.GovernanceFixture.AUDITOR;
import static io.callvault.vault.governance.GovernanceFixture.CAROL;
import static io.callvault.vault.governance.GovernanceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.AudioFormat;
import io.callvault.core.PhoneNumber;
import io.callvault.vault.GovernanceException;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.governance.GovernanceFixture;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.SegmentKind;
import io.callvault.vault.spi.decision.DecisionRecord;
import io.callvault.vault.spi.dsar.DsarKind;
import io.callvault.vault.spi.dsar.DsarRequest;
import io.callvault.vault.spi.dsar.DsarStatus;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.retention.RetentionPolicy;
import io.callvault.vault.wav.WavHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSubjectRequestsTest {
    private static final String SUBJECT = "+14155550123";
    private static final String OFFICE = "+442071838750";
    private static final Pattern TARGET = Pattern.compile("\"target\":\"([^\"]*)\"");

    @TempDir
    Path dir;
    GovernanceFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new GovernanceFixture(dir);
        f.retention.putPolicy(CAROL, Retention.defaultPolicy(30));
        f.retention.putPolicy(CAROL, new RetentionPolicy("trading", 3650, Map.of("desk", "trading"), 10, true,
                "MiFID II: keep trading calls"));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private DsarRequest request(DsarKind kind) throws Exception {
        return f.dsars.create(CAROL, kind, List.of(PhoneNumber.of(SUBJECT)), "Jane Smith", "jane@example.com");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void export_holdsExactlyTheSubjectsRecordingsAsValidWavs_andTheirAuditLines() throws Exception {
        RecordingRow asCaller = f.record(SUBJECT, OFFICE, T0, Map.of("queue", "billing"), 0.5);
        RecordingRow asCallee = f.record(OFFICE, SUBJECT, T0.plus(Duration.ofHours(1)), Map.of(), 0.25);
        RecordingRow stranger = f.record("+14155550999", OFFICE, T0, Map.of(), 0.25);
        f.catalog.addSegment(asCaller.id(), new Segment(100, 200, SegmentKind.PAUSED, "card payment"));
        f.audit.record(CAROL, "recording.play", stranger.id().toString(), "ok", "");
        DsarRequest req = request(DsarKind.ACCESS);
        assertThat(f.dsars.recordings(AUDITOR, req.id())).extracting(RecordingRow::id)
                .containsExactly(asCaller.id(), asCallee.id());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.dsars.export(CAROL, req.id(), out);
        Map<String, byte[]> zip = unzip(out.toByteArray());

        String a = asCaller.id().toString();
        String b = asCallee.id().toString();
        assertThat(zip.keySet()).containsExactly("recordings/" + a + ".wav", "recordings/" + a + ".json",
                "recordings/" + b + ".wav", "recordings/" + b + ".json", "audit.jsonl", "summary.txt");
        assertWav(zip.get("recordings/" + a + ".wav"), 0.5);
        assertWav(zip.get("recordings/" + b + ".wav"), 0.25);
        String json = new String(zip.get("recordings/" + a + ".json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\":\"" + a + "\"", "\"tags\":{\"queue\":\"billing\"}",
                "\"kind\":\"PAUSED\"", "\"policy\":\"default\"", "\"holds\":[]", "\"decision\":null");

        List<String> lines = new String(zip.get("audit.jsonl"), StandardCharsets.UTF_8).lines().toList();
        List<String> targets = lines.stream().map(l -> {
            Matcher m = TARGET.matcher(l);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }).toList();
        assertThat(Set.copyOf(targets)).containsExactlyInAnyOrder(a, b, req.id());
        assertThat(lines).anyMatch(l -> l.contains("\"action\":\"recording.export\"") && l.contains(a))
                .anyMatch(l -> l.contains("\"action\":\"dsar.create\""));
        for (byte[] content : zip.values()) {
            assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain(stranger.id().toString());
        }
        String summary = new String(zip.get("summary.txt"), StandardCharsets.UTF_8);
        assertThat(summary).contains("Jane Smith <jane@example.com>", SUBJECT, "Recordings: 2", a, b,
                "2026-11-30 09:00:00 UTC");
        assertThat(f.dsars.get(CAROL, req.id()).actions()).extracting(x -> x.action()).containsExactly("create", "export");
    }

    @Test
    void export_embedsEachRecordingsStoredDecisionVerbatim_andNullWithoutOne() throws Exception {
        RecordingRow decided = f.record(SUBJECT, OFFICE, T0, Map.of(), 0.2);
        RecordingRow undecided = f.record(OFFICE, SUBJECT, T0.plus(Duration.ofHours(1)), Map.of(), 0.2);
        String decision = "{\"record\": true, \"frameworks\": [\"GDPR\", \"US_ALL_PARTY\"], "
                + "\"inputs\": {\"caller\": {\"number\": \"" + SUBJECT + "\"}}}";
        f.catalog.decisions().put(new DecisionRecord(decided.callId(), decided.id(), T0, "2025.1", "ab".repeat(32),
                true, decision, "{\"optOutOffered\":\"9\",\"optOutPressed\":false}", "recorded"));
        DsarRequest req = request(DsarKind.ACCESS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.dsars.export(CAROL, req.id(), out);
        Map<String, byte[]> zip = unzip(out.toByteArray());

        String withDecision = new String(zip.get("recordings/" + decided.id() + ".json"), StandardCharsets.UTF_8);
        assertThat(withDecision).contains("\"decision\":" + decision, "\"outcome\":\"recorded\"",
                "\"consentEvidence\":{\"optOutOffered\":\"9\",\"optOutPressed\":false}",
                "\"callId\":\"" + decided.callId() + "\"");
        String without = new String(zip.get("recordings/" + undecided.id() + ".json"), StandardCharsets.UTF_8);
        assertThat(without).contains("\"decision\":null", "\"decisionOutcome\":null");
    }

    private static void assertWav(byte[] wav, double seconds) throws Exception {
        InputStream in = new ByteArrayInputStream(wav);
        WavHeader header = WavHeader.read(in, wav.length);
        assertThat(header.format()).isEqualTo(AudioFormat.STEREO_8K);
        assertThat(in.readAllBytes()).isEqualTo(GovernanceFixture.audio(AudioFormat.STEREO_8K, seconds));
    }

    @Test
    void erasure_shredsWhatItMay_keepsHeldAndObligatedRecordingsWithReasons() throws Exception {
        RecordingRow plain = f.record(SUBJECT, OFFICE, T0, Map.of(), 0.2);
        RecordingRow trading = f.record(SUBJECT, OFFICE, T0, Map.of("desk", "trading"), 0.2);
        RecordingRow held = f.record(OFFICE, SUBJECT, T0, Map.of(), 0.2);
        RecordingRow stranger = f.record("+14155550999", OFFICE, T0, Map.of(), 0.2);
        f.holds.create(CAROL, "Smith v Acme", "litigation", null, HoldScope.ids(Set.of(held.id())));
        DsarRequest req = request(DsarKind.ERASURE);

        ErasureReport report = f.dsars.erase(CAROL, req.id());

        assertThat(report.complete()).isTrue();
        assertThat(report.items()).containsExactlyInAnyOrder(
                new ErasureReport.Item(plain.id(), ErasureReport.ERASED, ""),
                new ErasureReport.Item(trading.id(), ErasureReport.KEPT, "retention obligation trading until 2036-11-27"),
                new ErasureReport.Item(held.id(), ErasureReport.KEPT,
                        "legal hold 'Smith v Acme' (id " + f.catalog.holds().list().getFirst().id() + ")"));
        assertThatThrownBy(() -> f.vault.open(plain.id())).isInstanceOf(VaultException.class)
                .hasMessageContaining("erasure request " + req.id());
        assertThatThrownBy(() -> f.catalog.dataKey(plain.id())).isInstanceOf(RecordingNotFoundException.class);
        for (RecordingRow kept : List.of(trading, held, stranger)) {
            try (var reader = f.vault.open(kept.id())) {
                assertThat(reader.audioLength()).isPositive();
            }
        }
        DsarRequest after = f.dsars.get(CAROL, req.id());
        assertThat(after.status()).isEqualTo(DsarStatus.COMPLETED);
        assertThat(after.actions().getLast().action()).isEqualTo("erase");
        List<AuditEntry> erased = f.catalog.auditLog().read(1, 1000).stream()
                .filter(e -> e.action().equals("recording.erase")).toList();
        assertThat(erased).extracting(AuditEntry::target).containsExactly(plain.id().toString());
    }

    @Test
    void erasingAnAccessRequest_isInvalid_andAClosedRequestCannotBeClosedAgain() throws Exception {
        DsarRequest access = request(DsarKind.ACCESS);

        assertThatThrownBy(() -> f.dsars.erase(CAROL, access.id()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GovernanceException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("not_erasure");
                });
        DsarRequest closed = f.dsars.close(CAROL, access.id(), DsarStatus.REJECTED, "identity not confirmed");
        assertThat(closed.status()).isEqualTo(DsarStatus.REJECTED);
        assertThat(closed.actions().getLast().details()).isEqualTo("identity not confirmed");
        assertThatThrownBy(() -> f.dsars.close(CAROL, access.id(), DsarStatus.COMPLETED, null))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.code()).isEqualTo("request_closed"));
        assertThatThrownBy(() -> f.dsars.get(CAROL, "nope"))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.code()).isEqualTo("dsar_not_found"));
    }

    @Test
    void deadlines_listOverdueAndDueWithinSevenDays_ofOpenRequestsOnly() throws Exception {
        DsarRequest first = request(DsarKind.ACCESS);           // due T0 + 30d
        assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        f.time.advance(Duration.ofDays(6));
        DsarRequest second = request(DsarKind.ERASURE);         // due T0 + 36d
        f.time.advance(Duration.ofDays(1));
        DsarRequest rejected = request(DsarKind.ACCESS);        // due T0 + 37d, closed below
        f.dsars.close(CAROL, rejected.id(), DsarStatus.REJECTED, null);

        f.time.advance(Duration.ofDays(22));                    // T0 + 29d
        Deadlines d = f.dsars.deadlines();
        assertThat(d.overdue()).isEmpty();
        assertThat(d.dueSoon()).extracting(DsarRequest::id).containsExactly(first.id(), second.id());

        f.time.advance(Duration.ofDays(1).plusMillis(1));       // just past T0 + 30d
        d = f.dsars.deadlines();
        assertThat(d.overdue()).extracting(DsarRequest::id).containsExactly(first.id());
        assertThat(d.dueSoon()).extracting(DsarRequest::id).containsExactly(second.id());

        f.time.advance(Duration.ofDays(7));                     // T0 + 37d: both overdue
        assertThat(f.dsars.deadlines().overdue()).extracting(DsarRequest::id).containsExactly(first.id(), second.id());
        assertThat(f.dsars.deadlines().dueSoon()).isEmpty();
    }

    @Test
    void wrongRoles_denied_andDenialsAudited() throws Exception {
        assertThatThrownBy(() -> f.dsars.create(ALICE_AGENT, DsarKind.ACCESS, List.of(PhoneNumber.of(SUBJECT)), null,
                null)).isInstanceOf(AccessDeniedException.class);
        AuditEntry denial = f.catalog.auditLog().read(f.catalog.auditLog().size(), 1).getFirst();
        assertThat(List.of(denial.actor(), denial.action(), denial.outcome()))
                .containsExactly("alice", "dsar.create", "denied");
        DsarRequest req = request(DsarKind.ERASURE);
        assertThatThrownBy(() -> f.dsars.erase(AUDITOR, req.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.dsars.export(AUDITOR, req.id(), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.dsars.list(AUDITOR)).extracting(DsarRequest::id).containsExactly(req.id());
        assertThatThrownBy(() -> f.dsars.list(ALICE_AGENT)).isInstanceOf(AccessDeniedException.class);
    }
}
