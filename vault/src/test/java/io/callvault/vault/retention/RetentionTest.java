package io.callvault.vault.retention;

import static io.callvault.vault.governance.GovernanceFixture.ALICE_AGENT;
import static io.callvault.vault.governance.GovernanceFixture.AUDITOR;
import static io.callvault.vault.governance.GovernanceFixture.CAROL;
import static io.callvault.vault.governance.GovernanceFixture.SCHEDULER;
import static io.callvault.vault.governance.GovernanceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.RecordingId;
import io.callvault.vault.GovernanceException;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.governance.GovernanceFixture;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.retention.RetentionAssignment;
import io.callvault.vault.spi.retention.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final RetentionPolicy SALES = new RetentionPolicy("sales", 7, Map.of("queue", "sales"), 10, false,
            "sales calls");

    @TempDir
    Path dir;
    GovernanceFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new GovernanceFixture(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private RecordingRow record(Duration ago, Map<String, String> tags) throws Exception {
        return f.record("+14155550123", "+442071838750", T0.minus(ago), tags, 0.2);
    }

    private boolean exists(RecordingRow r) throws Exception {
        return f.catalog.find(r.id()).isPresent();
    }

    private RetentionAssignment assignment(RecordingRow r) throws Exception {
        return f.catalog.retention().assignment(r.id()).orElseThrow();
    }

    @Test
    void runOnAFakeClock_deletesExactlyTheExpired_neverAHeldOne_andDryRunListsTheSameDeletingNothing()
            throws Exception {
        f.retention.putPolicy(CAROL, Retention.defaultPolicy(30));
        f.retention.putPolicy(CAROL, SALES);
        RecordingRow oldDefault = record(Duration.ofDays(40), Map.of());
        RecordingRow youngDefault = record(Duration.ofDays(10), Map.of());
        RecordingRow oldSales = record(Duration.ofDays(10), Map.of("queue", "sales"));
        RecordingRow youngSales = record(Duration.ofDays(5), Map.of("queue", "sales"));
        RecordingRow oldHeld = record(Duration.ofDays(40), Map.of());
        f.holds.create(CAROL, "Inquiry", "regulator", null, HoldScope.ids(Set.of(oldHeld.id())));
        assertThat(assignment(oldSales)).isEqualTo(new RetentionAssignment(oldSales.id(), "sales",
                oldSales.startedAt().plus(Duration.ofDays(7))));

        RetentionRun dry = f.retention.run(SCHEDULER, true);

        assertThat(dry.items()).extracting(RetentionRun.Item::id, RetentionRun.Item::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(oldDefault.id(), RetentionRun.WOULD_DELETE),
                org.assertj.core.groups.Tuple.tuple(oldHeld.id(), RetentionRun.KEPT_HELD),
                org.assertj.core.groups.Tuple.tuple(oldSales.id(), RetentionRun.WOULD_DELETE));
        assertThat(List.of(oldDefault, youngDefault, oldSales, youngSales, oldHeld)).allMatch(r -> existsQuietly(r));
        assertThat(lastEntry().action()).isEqualTo("retention.dry_run");

        RetentionRun real = f.retention.run(SCHEDULER, false);

        assertThat(real.items()).extracting(RetentionRun.Item::id).containsExactlyElementsOf(
                dry.items().stream().map(RetentionRun.Item::id).toList());
        assertThat(real.items()).extracting(RetentionRun.Item::outcome).containsExactlyElementsOf(
                dry.items().stream().map(i -> i.outcome().equals(RetentionRun.WOULD_DELETE) ? RetentionRun.DELETED
                        : i.outcome()).toList());
        assertThat(real.items().stream().filter(i -> i.id().equals(oldHeld.id())).findFirst().orElseThrow().reason())
                .contains("legal hold 'Inquiry'");
        assertThat(exists(oldDefault)).isFalse();
        assertThat(exists(oldSales)).isFalse();
        assertThatThrownBy(() -> f.vault.open(oldSales.id())).isInstanceOf(VaultException.class);
        assertThat(f.catalog.tombstone(oldDefault.id()).orElseThrow().deletedBy()).isEqualTo("retention");
        assertThat(exists(youngDefault) && exists(youngSales) && exists(oldHeld)).isTrue();
        assertThat(disposals()).containsExactlyInAnyOrder(oldDefault.id().toString(), oldSales.id().toString());

        f.time.advance(Duration.ofDays(25));
        RetentionRun later = f.retention.run(SCHEDULER, false);

        assertThat(later.count(RetentionRun.DELETED)).isEqualTo(2);
        assertThat(exists(youngDefault) || exists(youngSales)).isFalse();
        assertThat(exists(oldHeld)).isTrue();
        assertThat(later.count(RetentionRun.KEPT_HELD)).isEqualTo(1);
    }

    private boolean existsQuietly(RecordingRow r) {
        try {
            return exists(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private AuditEntry lastEntry() throws Exception {
        return f.catalog.auditLog().read(f.catalog.auditLog().size(), 1).getFirst();
    }

    private List<String> disposals() throws Exception {
        return f.catalog.auditLog().read(1, 1000).stream()
                .filter(e -> e.action().equals("recording.dispose") && e.outcome().equals("ok"))
                .map(AuditEntry::target).toList();
    }

    @Test
    void policyChanges_reevaluateEveryAssignment_andTheRetentionTagPicksByName() throws Exception {
        f.retention.putPolicy(CAROL, Retention.defaultPolicy(30));
        RecordingRow r = record(Duration.ZERO, Map.of());
        assertThat(assignment(r).policy()).isEqualTo("default");

        f.retention.putPolicy(CAROL, new RetentionPolicy("long", 365, Map.of(), 5, false, null));
        assertThat(assignment(r)).isEqualTo(new RetentionAssignment(r.id(), "long", T0.plus(Duration.ofDays(365))));

        f.vault.putTags(r.id(), Map.of(Retention.TAG, "default"));
        assertThat(assignment(r).policy()).isEqualTo("default");
        f.vault.putTags(r.id(), Map.of(Retention.TAG, ""));
        assertThat(assignment(r).policy()).isEqualTo("long");

        assertThat(f.retention.deletePolicy(CAROL, "long")).isTrue();
        assertThat(assignment(r).policy()).isEqualTo("default");
        assertThat(f.retention.deletePolicy(CAROL, "long")).isFalse();
        assertThatThrownBy(() -> f.retention.deletePolicy(CAROL, "default"))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.code()).isEqualTo("policy_in_use"));
        assertThat(f.retention.policies(AUDITOR)).extracting(RetentionPolicy::name).containsExactly("default");
        assertThat(assignment(r).policy()).isEqualTo("default");
    }

    @Test
    void choose_prefersTheNamedPolicy_thenHighestPriority_thenSmallestName() {
        RecordingRow row = io.callvault.testkit.CatalogFixtures.row(RecordingId.random(), "+14155550123",
                "+442071838750", T0, Map.of("queue", "sales"));
        RetentionPolicy a = new RetentionPolicy("a-sales", 10, Map.of("queue", "sales"), 5, false, null);
        RetentionPolicy b = new RetentionPolicy("b-sales", 20, Map.of("queue", "sales"), 5, false, null);
        RetentionPolicy top = new RetentionPolicy("top", 30, Map.of("queue", "support"), 9, false, null);
        RetentionPolicy all = Retention.defaultPolicy(40);

        assertThat(Retention.choose(row, List.of(b, all, top, a)).orElseThrow().policy()).isEqualTo("a-sales");
        assertThat(Retention.choose(row.withTags(Map.of("queue", "sales", "retention", "default")),
                List.of(a, b, all)).orElseThrow()).isEqualTo(new RetentionAssignment(row.id(), "default",
                T0.plus(Duration.ofDays(40))));
        assertThat(Retention.choose(row.withTags(Map.of("retention", "gone")), List.of(a, all)).orElseThrow().policy())
                .isEqualTo("default");
        assertThat(Retention.choose(row, List.of(top))).isEmpty();
    }

    @Test
    void recordingNoPolicyCovers_isNeverDeleted() throws Exception {
        f.retention.putPolicy(CAROL, SALES);
        RecordingRow untagged = record(Duration.ofDays(400), Map.of());

        assertThat(f.catalog.retention().assignment(untagged.id())).isEmpty();
        assertThat(f.retention.run(SCHEDULER, false).items()).isEmpty();
        assertThat(exists(untagged)).isTrue();
    }

    @Test
    void wrongRoles_denied_auditorMayOnlyDryRun() throws Exception {
        assertThatThrownBy(() -> f.retention.run(ALICE_AGENT, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.retention.run(AUDITOR, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(lastEntry().action()).isEqualTo("retention.run");
        assertThat(lastEntry().outcome()).isEqualTo("denied");
        assertThatThrownBy(() -> f.retention.putPolicy(AUDITOR, Retention.defaultPolicy(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.retention.run(AUDITOR, true).dryRun()).isTrue();
        assertThat(f.catalog.retention().policies()).isEmpty();
        assertThat(List.of(lastEntry().actor(), lastEntry().action(), lastEntry().outcome()))
                .containsExactly("erin", "retention.dry_run", "ok");
    }
}
