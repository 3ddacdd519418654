package io.callvault.vault.hold;

import static io.callvault.vault.governance.GovernanceFixture.ALICE_AGENT;
import static io.callvault.vault.governance.GovernanceFixture.CAROL;
import static io.callvault.vault.governance.GovernanceFixture.DAVE;
import static io.callvault.vault.governance.GovernanceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.GovernanceException;
import io.callvault.vault.RecordingHeldException;
import io.callvault.vault.VaultException;
import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.governance.GovernanceFixture;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.hold.LegalHold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegalHoldsTest {
    private static final String SMITH = "+14155550123";

    @TempDir
    Path dir;
    GovernanceFixture f;
    AuditSink log;

    @BeforeEach
    void setUp() throws Exception {
        f = new GovernanceFixture(dir);
        log = f.catalog.auditLog();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private AuditEntry lastEntry() throws Exception {
        return log.read(log.size(), 1).getFirst();
    }

    private LegalHold holdOn(RecordingRow... rows) throws Exception {
        Set<RecordingId> ids = java.util.Arrays.stream(rows).map(RecordingRow::id)
                .collect(java.util.stream.Collectors.toSet());
        return f.holds.create(CAROL, "Smith v Acme", "litigation", "M-17", HoldScope.ids(ids));
    }

    @Test
    void heldRecording_vaultDeleteRefusedNamingTheHold_untilReleasedWithFourEyes() throws Exception {
        RecordingRow r = f.record(SMITH, T0);
        LegalHold hold = holdOn(r);
        assertThat(lastEntry().action()).isEqualTo("hold.create");
        assertThat(lastEntry().target()).isEqualTo(hold.id());
        assertThat(lastEntry().outcome()).isEqualTo("ok");

        assertThatThrownBy(() -> f.vault.delete(r.id(), "cleanup", "carol")).isInstanceOf(RecordingHeldException.class)
                .hasMessageContaining("legal hold 'Smith v Acme' (id " + hold.id() + ")");

        f.holds.requestRelease(CAROL, hold.id(), "settled");
        assertThatThrownBy(() -> f.holds.approveRelease(CAROL, hold.id()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GovernanceException.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("four_eyes");
                });
        assertThat(lastEntry().action()).isEqualTo("hold.release_approve");
        assertThat(lastEntry().outcome()).isEqualTo("failed");
        assertThat(f.holds.get(CAROL, hold.id()).active()).isTrue();

        LegalHold released = f.holds.approveRelease(DAVE, hold.id());

        assertThat(released.active()).isFalse();
        assertThat(released.releaseRequestedBy()).isEqualTo("carol");
        assertThat(released.releasedBy()).isEqualTo("dave");
        assertThat(f.holds.holding(r)).isEmpty();
        f.vault.delete(r.id(), "cleanup", "carol");
        assertThatThrownBy(() -> f.vault.open(r.id())).isInstanceOf(VaultException.class);
    }

    @Test
    void approvalWithoutARequest_refused_andReleasedHoldCannotBeReleasedAgain() throws Exception {
        LegalHold hold = holdOn(f.record(SMITH, T0));

        assertThatThrownBy(() -> f.holds.approveRelease(DAVE, hold.id()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.code()).isEqualTo("no_release_request"));
        f.holds.requestRelease(CAROL, hold.id(), "settled");
        assertThatThrownBy(() -> f.holds.requestRelease(DAVE, hold.id(), "again"))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.code()).isEqualTo("release_pending"));
        f.holds.approveRelease(DAVE, hold.id());
        assertThatThrownBy(() -> f.holds.approveRelease(DAVE, hold.id()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.code()).isEqualTo("hold_released"));
        assertThatThrownBy(() -> f.holds.get(CAROL, "no-such-hold"))
                .isInstanceOfSatisfying(GovernanceException.class,
                        e -> assertThat(e.kind()).isEqualTo(GovernanceException.Kind.NOT_FOUND));
    }

    @Test
    void searchHold_coversRecordingsMadeLater_andHeldIdsExpandsIt() throws Exception {
        RecordingRow before = f.record(SMITH, T0);
        RecordingRow other = f.record("+14155550999", T0);
        RecordingRow outOfRange = f.record(SMITH, T0.minus(Duration.ofDays(30)));
        f.holds.create(CAROL, "Smith calls", "regulator inquiry", null,
                HoldScope.search(PhoneNumber.of(SMITH), T0.minus(Duration.ofDays(1)), null));
        RecordingRow later = f.record("+442071838700", SMITH, T0.plus(Duration.ofHours(2)), java.util.Map.of(), 0.2);
        LegalHold byId = holdOn(other);

        assertThat(f.holds.heldIds()).containsExactlyInAnyOrder(before.id(), later.id(), other.id());
        assertThat(f.holds.holding(outOfRange)).isEmpty();
        assertThatThrownBy(() -> f.vault.delete(later.id(), "cleanup", "carol"))
                .isInstanceOf(RecordingHeldException.class).hasMessageContaining("Smith calls");
        assertThat(f.holds.list(CAROL)).hasSize(2).extracting(LegalHold::id).contains(byId.id());
    }

    @Test
    void holdByIdsNamingAMissingRecording_isInvalid() throws Exception {
        RecordingRow r = f.record(SMITH, T0);
        RecordingId ghost = RecordingId.random();

        assertThatThrownBy(() -> f.holds.create(CAROL, "x", "y", null, HoldScope.ids(Set.of(r.id(), ghost))))
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GovernanceException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("unknown_recording");
                    assertThat(e.getMessage()).contains(ghost.toString()).doesNotContain(r.id().toString());
                });
        assertThat(f.catalog.holds().list()).isEmpty();
    }

    @Test
    void agentCreatesAHold_deniedAndTheDenialAudited() throws Exception {
        RecordingRow r = f.record(SMITH, T0);

        assertThatThrownBy(() -> f.holds.create(ALICE_AGENT, "mine", "because", null, HoldScope.ids(Set.of(r.id()))))
                .isInstanceOf(AccessDeniedException.class);

        AuditEntry denial = lastEntry();
        assertThat(List.of(denial.actor(), denial.action(), denial.outcome())).containsExactly("alice", "hold.create",
                "denied");
        assertThat(f.catalog.holds().list()).isEmpty();
        assertThatThrownBy(() -> f.holds.list(ALICE_AGENT)).isInstanceOf(AccessDeniedException.class);
        assertThat(f.holds.list(GovernanceFixture.AUDITOR)).isEmpty();
        assertThatThrownBy(() -> f.holds.requestRelease(GovernanceFixture.AUDITOR, "h", "r"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
