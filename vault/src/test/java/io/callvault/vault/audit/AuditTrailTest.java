package io.callvault.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.access.AccessDeniedException;
import io.callvault.vault.governance.GovernanceFixture;
import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditCheckpoint;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.CatalogException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @TempDir
    Path dir;
    GovernanceFixture f;
    AuditSink sink;

    @BeforeEach
    void setUp() throws Exception {
        f = new GovernanceFixture(dir);
        sink = f.catalog.auditLog();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private void append(int n) throws CatalogException {
        for (int i = 0; i < n; i++) {
            f.audit.record(GovernanceFixture.CAROL, "recording.play", "r" + i, "ok", "entry " + i);
        }
    }

    private AuditEntry entry(long seq) throws CatalogException {
        return sink.read(seq, 1).getFirst();
    }

    @Test
    void appendsAndCheckpoints_verifyPasses_andRepeatedCheckpointIsANoOp() throws Exception {
        assertThat(f.audit.checkpoint()).isEmpty();
        append(5);
        AuditCheckpoint first = f.audit.checkpoint().orElseThrow();
        append(2);
        f.time.advance(Duration.ofHours(1));
        AuditCheckpoint second = f.audit.checkpoint().orElseThrow();

        assertThat(first.seq()).isEqualTo(5);
        assertThat(first.hash()).isEqualTo(entry(5).hash());
        assertThat(second.seq()).isEqualTo(7);
        assertThat(second.at()).isEqualTo(GovernanceFixture.T0.plus(Duration.ofHours(1)));
        assertThat(f.audit.checkpoint()).contains(second);
        assertThat(f.audit.checkpoints()).containsExactly(first, second);
        AuditVerification v = f.audit.verify();
        assertThat(v).isEqualTo(new AuditVerification(true, 7, 2, null, 0));
        assertThat(v.describe()).isEqualTo("audit chain OK: 7 entries, 2 checkpoints");
    }

    @Test
    void editedColumnInTheDatabase_failsVerifyAtThatSeq() throws Exception {
        append(5);
        f.audit.checkpoint();
        try (Connection c = f.rawDatabase(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE audit_log SET details = 'nothing happened' WHERE seq = 3")).isEqualTo(1);
        }

        AuditVerification v = f.audit.verify();

        assertThat(v.ok()).isFalse();
        assertThat(v.problemSeq()).isEqualTo(3);
        assertThat(v.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH.text());
    }

    @Test
    void tailDeletedAfterACheckpoint_isDetectedThoughTheChainStillLinks() throws Exception {
        append(5);
        f.audit.checkpoint();
        append(2);
        try (Connection c = f.rawDatabase(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM audit_log WHERE seq >= 4")).isEqualTo(4);
        }
        assertThat(AuditChain.verify(sink.read(1, 100)).ok()).as("the chain alone cannot see truncation").isTrue();

        AuditVerification v = f.audit.verify();

        assertThat(v.ok()).isFalse();
        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.problemSeq()).isEqualTo(4);
        assertThat(v.problem()).contains("ends at entry 3").contains("covers 5 entries").contains("newest entries deleted");
        assertThatThrownBy(() -> f.audit.checkpoint()).isInstanceOf(CatalogException.class)
                .hasMessageContaining("shorter than its checkpoint of entry 5");
    }

    @Test
    void chainRewrittenWithRecomputedHashes_failsAtTheCheckpoint() throws Exception {
        append(5);
        f.audit.checkpoint();
        List<AuditEntry> entries = sink.read(1, 10);
        try (Connection c = f.rawDatabase();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
            String prev = entries.get(0).hash();
            for (AuditEntry e : entries.subList(1, 5)) {
                String details = e.seq() == 2 ? "rewritten" : e.details();
                String hash = AuditChain.hash(e.seq(), e.at(), e.actor(), e.source(), e.action(), e.target(), e.outcome(),
                        details, prev);
                update.setString(1, details);
                update.setString(2, prev);
                update.setString(3, hash);
                update.setLong(4, e.seq());
                update.executeUpdate();
                prev = hash;
            }
        }
        assertThat(AuditChain.verify(sink.read(1, 10)).ok()).as("a consistent forgery").isTrue();

        AuditVerification v = f.audit.verify();

        assertThat(v.ok()).isFalse();
        assertThat(v.problemSeq()).isEqualTo(5);
        assertThat(v.problem()).contains("does not have the hash signed");
    }

    @Test
    void checkpointSignedByAnotherKey_isReportedAtItsSeq() throws Exception {
        append(3);
        f.audit.checkpoint();
        append(2);
        CheckpointSigner mallory = CheckpointSigner.generate();
        f.catalog.checkpoints().add(mallory.sign(5, entry(5).hash(), f.time.clock().instant()));

        AuditVerification v = f.audit.verify();

        assertThat(v.ok()).isFalse();
        assertThat(v.checkpoints()).isEqualTo(2);
        assertThat(v.problemSeq()).isEqualTo(5);
        assertThat(v.problem()).contains("unknown key " + mallory.keyId());
    }

    @Test
    void checkpoint_refusesToSignOverAnEntryEditedSinceTheLastOne() throws Exception {
        append(3);
        f.audit.checkpoint();
        append(3);
        try (Connection c = f.rawDatabase(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5");
        }

        assertThatThrownBy(() -> f.audit.checkpoint()).isInstanceOf(CatalogException.class)
                .hasMessageContaining("broken at entry 5");
        assertThat(f.audit.checkpoints()).hasSize(1);
    }

    @Test
    void agentReadsTheAuditLog_deniedAndTheDenialIsAudited() throws Exception {
        append(2);

        assertThatThrownBy(() -> f.audit.read(GovernanceFixture.ALICE_AGENT, 1, 10))
                .isInstanceOf(AccessDeniedException.class);

        AuditEntry last = entry(sink.size());
        assertThat(last.seq()).isEqualTo(3);
        assertThat(List.of(last.actor(), last.source(), last.action(), last.outcome()))
                .containsExactly("alice", "192.0.2.7", "audit.read", "denied");
        assertThat(f.audit.read(GovernanceFixture.AUDITOR, 1, 10)).hasSize(3);
        assertThat(entry(4).action()).isEqualTo("audit.read");
        assertThat(entry(4).outcome()).isEqualTo("ok");
    }
}
