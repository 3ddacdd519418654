package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.AuditChain;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on the in-memory sink, plus {@link AuditChain#verify} on hand-tampered chains. */
class InMemoryAuditSinkTest extends AuditSinkContract {
    @Override
    protected AuditSink newAuditSink() {
        return new InMemoryAuditSink();
    }

    private List<AuditEntry> chainOfFive() throws Exception {
        for (int i = 1; i <= 5; i++) {
            sink.append("alice", "cli", "recording.export", "r" + i, "ok", "entry " + i);
        }
        return new ArrayList<>(sink.read(1, 10));
    }

    private static AuditEntry withDetails(AuditEntry e, String details) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.source(), e.action(), e.target(), e.outcome(), details,
                e.prevHash(), e.hash());
    }

    @Test
    void editedEntry_failsWithHashMismatchAtThatSeq() throws Exception {
        List<AuditEntry> chain = chainOfFive();
        chain.set(2, withDetails(chain.get(2), "nothing to see"));
        AuditChain.Result r = AuditChain.verify(chain);
        assertThat(r.ok()).isFalse();
        assertThat(r.badSeq()).isEqualTo(3);
        assertThat(r.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH);
    }

    @Test
    void deletedEntry_failsWithGapAtTheNextSeq() throws Exception {
        List<AuditEntry> chain = chainOfFive();
        chain.remove(1);
        AuditChain.Result r = AuditChain.verify(chain);
        assertThat(r.badSeq()).isEqualTo(3);
        assertThat(r.problem()).isEqualTo(AuditChain.Problem.SEQ_GAP);
    }

    @Test
    void deletedFirstEntry_failsAtSeqTwo() throws Exception {
        List<AuditEntry> chain = chainOfFive();
        chain.removeFirst();
        assertThat(AuditChain.verify(chain).describe()).isEqualTo("audit chain broken at entry 2: "
                + AuditChain.Problem.SEQ_GAP.text());
    }

    @Test
    void swappedEntries_failAtTheFirstOutOfPlaceSeq() throws Exception {
        List<AuditEntry> chain = chainOfFive();
        AuditEntry third = chain.remove(2);
        chain.add(1, third);
        AuditChain.Result r = AuditChain.verify(chain);
        assertThat(r.badSeq()).isEqualTo(3);
        assertThat(r.problem()).isEqualTo(AuditChain.Problem.SEQ_GAP);
    }

    @Test
    void renumberedAndRehashedInsert_failsWithPrevHashMismatch() throws Exception {
        List<AuditEntry> chain = chainOfFive();
        AuditEntry second = chain.get(1);
        String forgedHash = AuditChain.hash(2, second.at(), "mallory", "cli", "x.y", "", "ok", "", AuditChain.GENESIS);
        chain.set(1, new AuditEntry(2, second.at(), "mallory", "cli", "x.y", "", "ok", "", AuditChain.GENESIS,
                forgedHash));
        AuditChain.Result r = AuditChain.verify(chain);
        assertThat(r.badSeq()).isEqualTo(2);
        assertThat(r.problem()).isEqualTo(AuditChain.Problem.PREV_HASH_MISMATCH);
    }

    @Test
    void timeGoingBackwards_failsAsNotIncreasing() throws Exception {
        List<AuditEntry> chain = chainOfFive();
        AuditEntry e = chain.get(3);
        Instant earlier = chain.get(2).at().minusSeconds(60);
        chain.set(3, new AuditEntry(e.seq(), earlier, e.actor(), e.source(), e.action(), e.target(), e.outcome(),
                e.details(), e.prevHash(), e.hash()));
        AuditChain.Result r = AuditChain.verify(chain);
        assertThat(r.badSeq()).isEqualTo(4);
        assertThat(r.problem()).isEqualTo(AuditChain.Problem.NOT_INCREASING);
    }

    @Test
    void clockGoingBackwards_stillAppendsNonDecreasingTimes() throws Exception {
        Instant[] now = {Instant.parse("2026-11-30T09:00:00Z")};
        AuditSink s = new InMemoryAuditSink(() -> now[0]);
        AuditEntry a = s.append("a", "cli", "x.y", "", "ok", "");
        now[0] = now[0].minusSeconds(5);
        AuditEntry b = s.append("a", "cli", "x.y", "", "ok", "");
        assertThat(b.at()).isEqualTo(a.at());
        assertThat(AuditChain.verify(s.read(1, 10)).ok()).isTrue();
    }

    @Test
    void hash_isLengthPrefixed_soShiftedFieldBoundariesDiffer() {
        Instant at = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(AuditChain.hash(1, at, "ab", "c", "x", "", "ok", "", AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, at, "a", "bc", "x", "", "ok", "", AuditChain.GENESIS));
    }

    @Test
    void hash_matchesTheKnownAnswerInDocsAuditChain() {
        // Independent computation (docs/audit-chain.md): SHA-256 of the encoding written out by hand.
        assertThat(AuditChain.hash(1, Instant.parse("2026-11-30T09:00:00Z"), "alice", "cli", "recording.export", "r1",
                "ok", "", AuditChain.GENESIS))
                .isEqualTo("bc88e0818fabdc0acba21e43078070408b0031433b043efc1bc929a23c955ba6");
    }
}
