package io.callvault.testkit;

import static io.callvault.testkit.CatalogFixtures.T0;
import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.decision.DecisionRecord;
import io.callvault.vault.spi.decision.DecisionStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@link DecisionStore} contract: implement it in a test class whose {@link #decisions()} is a fresh,
 * empty store for each test and {@link #catalog()} the catalog whose recordings the decisions link to.
 * Beyond the Javadoc it pins that the JSON texts come back byte for byte (spacing, key order, escapes,
 * non-ASCII) and that shredding a recording takes its decision with it.
 */
public interface DecisionStoreContract {
    /** Spacing, order and escapes a re-serialising store would change. */
    String DECISION = "{\"record\": true,  \"inputs\": {\"caller\": {\"number\": \"+4930123456\"}},"
            + " \"text\": \"M\\u00fcller said \\\"ok\\\" \u2014 Zo\u00eb\"}";
    String EVIDENCE = "{\"announcedTo\":\"caller\",\"optOutPressed\":false}";
    String SHA = "5916e83b".repeat(8);

    DecisionStore decisions();

    /** The catalog holding the recordings {@link #decisions()} links to. */
    Catalog catalog();

    private RecordingId recording(int n) throws Exception {
        catalog().create(fullRow(id(n)), key("kek-1", n));
        return id(n);
    }

    /** A recorded call's decision, made {@code minutes} after {@link CatalogFixtures#T0}, with evidence. */
    private static DecisionRecord decision(String callId, RecordingId recording, int minutes) {
        return new DecisionRecord(callId, recording, T0.plus(Duration.ofMinutes(minutes)), "2025.1+acme-3", SHA,
                true, DECISION, EVIDENCE, "recorded");
    }

    @Test
    default void put_thenFoundByCallAndByRecording_withEveryFieldVerbatim() throws Exception {
        RecordingId r = recording(1);
        DecisionRecord d = decision("a84b4c76e66710@pc33.example.com", r, 0);
        decisions().put(d);
        assertThat(decisions().byCall(d.callId())).contains(d);
        assertThat(decisions().byRecording(r)).contains(d);
        assertThat(decisions().byCall(d.callId()).orElseThrow().decisionJson()).isEqualTo(DECISION);
        assertThat(decisions().byCall(d.callId()).orElseThrow().decidedAt()).isEqualTo(T0);
        assertThat(decisions().byCall("other")).isEmpty();
        assertThat(decisions().byRecording(id(2))).isEmpty();
    }

    @Test
    default void put_callNotRecorded_isKeptWithoutRecordingOrEvidence() throws Exception {
        DecisionRecord d = new DecisionRecord("c1", null, T0, "2025.1", SHA, false, DECISION, null,
                "not_recorded_by_rule");
        decisions().put(d);
        assertThat(decisions().byCall("c1")).contains(d);
    }

    @Test
    default void put_sameCall_replacesEveryField_andClearsTheLink() throws Exception {
        RecordingId r = recording(1);
        decisions().put(decision("c1", r, 0));
        DecisionRecord replaced = new DecisionRecord("c1", null, T0.plusSeconds(5), "2025.2", "ab".repeat(32),
                false, "{}", null, "opted_out");
        decisions().put(replaced);
        assertThat(decisions().byCall("c1")).contains(replaced);
        assertThat(decisions().byRecording(r)).isEmpty();
        decisions().put(replaced.withRecordingId(r).withOutcome(true, "recorded", EVIDENCE));
        assertThat(decisions().byRecording(r)).contains(replaced.withRecordingId(r).withOutcome(true, "recorded",
                EVIDENCE));
    }

    @Test
    default void put_missingRecording_failsNotFound_andStoresNothing() throws Exception {
        assertThatThrownBy(() -> decisions().put(decision("c1", id(9), 0)))
                .isInstanceOfSatisfying(RecordingNotFoundException.class, e -> assertThat(e.id()).isEqualTo(id(9)));
        assertThat(decisions().byCall("c1")).isEmpty();
    }

    @Test
    default void put_recordingOfAnotherCall_conflicts_andKeepsTheFirst() throws Exception {
        RecordingId r = recording(1);
        DecisionRecord first = decision("c1", r, 0);
        decisions().put(first);
        assertThatThrownBy(() -> decisions().put(decision("c2", r, 1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(r.toString());
        assertThat(decisions().byRecording(r)).contains(first);
        assertThat(decisions().byCall("c2")).isEmpty();
    }

    @Test
    default void recent_newestFirst_thenByCallIdBytes_paged() throws Exception {
        decisions().put(decision("call-a", null, 5));
        decisions().put(decision("call-Z", null, 5));
        decisions().put(decision("call-\u00e9", null, 5));
        decisions().put(decision("call-B", null, 5));
        decisions().put(decision("old", null, 0));
        decisions().put(decision("new", null, 9));
        assertThat(decisions().recent(0, 10)).extracting(DecisionRecord::callId)
                .containsExactly("new", "call-B", "call-Z", "call-a", "call-\u00e9", "old");
        assertThat(decisions().recent(2, 3)).extracting(DecisionRecord::callId)
                .containsExactly("call-Z", "call-a", "call-\u00e9");
        assertThat(decisions().recent(6, 10)).isEmpty();
    }

    @Test
    default void recent_badPage_isRefused() {
        assertThatThrownBy(() -> decisions().recent(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decisions().recent(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decisions().recent(0, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void shred_deletesTheRecordingsDecision_andKeepsOtherCalls() throws Exception {
        RecordingId shredded = recording(1);
        RecordingId kept = recording(2);
        decisions().put(decision("c1", shredded, 0));
        decisions().put(decision("c2", kept, 1));
        decisions().put(new DecisionRecord("c3", null, T0, "2025.1", SHA, false, DECISION, null, "opted_out"));
        catalog().shred(shredded, "erasure request", "dpo", T0.plusSeconds(60));
        assertThat(decisions().byCall("c1")).isEmpty();
        assertThat(decisions().byRecording(shredded)).isEmpty();
        assertThat(decisions().byCall("c2")).isPresent();
        assertThat(decisions().byCall("c3")).isPresent();
        assertThat(decisions().recent(0, 10)).extracting(DecisionRecord::callId).containsExactly("c2", "c3");
        assertThatThrownBy(() -> decisions().put(decision("c1", shredded, 0)))
                .isInstanceOf(RecordingNotFoundException.class);
    }
}
