package io.callvault.testkit;

import static io.callvault.testkit.CatalogFixtures.T0;
import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static io.callvault.testkit.CatalogFixtures.row;
import static io.callvault.testkit.CatalogFixtures.seal;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link RecordingQuery} rules, mixed into {@link CatalogContract}: criteria AND together,
 * {@code party} matches caller or callee, {@code since} is inclusive and {@code until} exclusive, every
 * tag must match, {@code agents} matches the agent or either number and {@code ids} the id (an empty set
 * of either matches nothing), results come newest first, then by id text, and page by offset and limit.
 */
public interface CatalogSearchContract {

    PhoneNumber ALICE = PhoneNumber.of("+14155550123");
    PhoneNumber BOB = PhoneNumber.of("+4930901820");
    PhoneNumber CAROL = PhoneNumber.of("+33142685300");

    /** The fresh catalog of the running test. */
    Catalog catalog();

    private List<RecordingId> ids(RecordingQuery query) throws CatalogException {
        return catalog().search(query).stream().map(RecordingRow::id).toList();
    }

    private void create(int n, PhoneNumber caller, PhoneNumber callee, Instant startedAt, Map<String, String> tags)
            throws CatalogException {
        catalog().create(row(id(n), caller.e164(), callee.e164(), startedAt, tags), key("kek-1", n));
    }

    @Test
    default void search_emptyCatalog_findsNothing() throws CatalogException {
        assertThat(catalog().search(RecordingQuery.all())).isEmpty();
    }

    @Test
    default void search_byParty_matchesCallerOrCallee() throws CatalogException {
        create(1, ALICE, BOB, T0, Map.of());
        create(2, CAROL, ALICE, T0.plusSeconds(1), Map.of());
        create(3, BOB, CAROL, T0.plusSeconds(2), Map.of());
        assertThat(ids(RecordingQuery.all().withParty(ALICE))).containsExactly(id(2), id(1));
        assertThat(ids(RecordingQuery.all().withParty(PhoneNumber.of("+14155550124")))).isEmpty();
    }

    @Test
    default void search_byRange_sinceInclusiveUntilExclusive() throws CatalogException {
        create(1, ALICE, BOB, T0, Map.of());
        create(2, ALICE, BOB, T0.plusMillis(1), Map.of());
        create(3, ALICE, BOB, T0.plusSeconds(3600), Map.of());
        create(4, ALICE, BOB, T0.plusSeconds(7200), Map.of());
        assertThat(ids(RecordingQuery.all().withRange(T0.plusMillis(1), T0.plusSeconds(7200))))
                .containsExactly(id(3), id(2));
        assertThat(ids(RecordingQuery.all().withRange(T0.plusSeconds(3600), null))).containsExactly(id(4), id(3));
        assertThat(ids(RecordingQuery.all().withRange(null, T0.plusMillis(1)))).containsExactly(id(1));
        assertThat(ids(RecordingQuery.all().withRange(T0.plusMillis(2), T0.plusSeconds(3600)))).isEmpty();
    }

    @Test
    default void search_byTags_requiresEveryTag() throws CatalogException {
        create(1, ALICE, BOB, T0, Map.of("queue", "billing", "lang", "en"));
        create(2, ALICE, BOB, T0.plusSeconds(1), Map.of("queue", "billing"));
        create(3, ALICE, BOB, T0.plusSeconds(2), Map.of("queue", "support", "lang", "en"));
        assertThat(ids(RecordingQuery.all().withTags(Map.of("queue", "billing", "lang", "en"))))
                .containsExactly(id(1));
        assertThat(ids(RecordingQuery.all().withTags(Map.of("queue", "billing")))).containsExactly(id(2), id(1));
        assertThat(ids(RecordingQuery.all().withTags(Map.of("lang", "de")))).isEmpty();
        assertThat(ids(RecordingQuery.all().withTags(Map.of("missing", "en")))).isEmpty();
    }

    @Test
    default void search_afterPutTags_usesCurrentTags() throws CatalogException {
        create(1, ALICE, BOB, T0, Map.of("queue", "billing"));
        catalog().putTags(id(1), Map.of("queue", "", "outcome", "escalated"));
        assertThat(ids(RecordingQuery.all().withTags(Map.of("queue", "billing")))).isEmpty();
        assertThat(ids(RecordingQuery.all().withTags(Map.of("outcome", "escalated")))).containsExactly(id(1));
    }

    @Test
    default void search_byState_filters() throws CatalogException {
        create(1, ALICE, BOB, T0, Map.of());
        create(2, ALICE, BOB, T0.plusSeconds(1), Map.of());
        create(3, ALICE, BOB, T0.plusSeconds(2), Map.of());
        catalog().seal(id(1), seal(T0.plusSeconds(60)));
        catalog().setState(id(3), RecordingState.BLOB_MISSING, "integrity check");
        assertThat(ids(RecordingQuery.all().withState(RecordingState.SEALED))).containsExactly(id(1));
        assertThat(ids(RecordingQuery.all().withState(RecordingState.RECORDING))).containsExactly(id(2));
        assertThat(ids(RecordingQuery.all().withState(RecordingState.INTERRUPTED))).isEmpty();
    }

    @Test
    default void search_criteriaCombined_mustAllHold() throws CatalogException {
        create(1, ALICE, BOB, T0, Map.of("queue", "billing"));
        create(2, ALICE, CAROL, T0.plusSeconds(10), Map.of("queue", "billing"));
        create(3, BOB, CAROL, T0.plusSeconds(20), Map.of("queue", "billing"));
        create(4, ALICE, BOB, T0.plusSeconds(30), Map.of("queue", "support"));
        create(5, ALICE, BOB, T0.plusSeconds(40), Map.of("queue", "billing"));
        catalog().seal(id(5), seal(T0.plusSeconds(50)));
        RecordingQuery query = new RecordingQuery(ALICE, T0.plusSeconds(5), T0.plusSeconds(60),
                Map.of("queue", "billing"), RecordingState.RECORDING, null, null, 0, 10);
        assertThat(ids(query)).containsExactly(id(2));
    }

    @Test
    default void search_sameStartTime_ordersByIdText() throws CatalogException {
        // UUID.compareTo compares signed longs and would put f0… and 80… before 10…; text order does not.
        RecordingId high = RecordingId.parse("f0000000-0000-4000-8000-000000000000");
        RecordingId middle = RecordingId.parse("80000000-0000-4000-8000-000000000000");
        RecordingId low = RecordingId.parse("10000000-0000-4000-8000-000000000000");
        for (RecordingId id : List.of(high, low, middle)) {
            catalog().create(row(id, ALICE.e164(), BOB.e164(), T0, Map.of()), key("kek-1", 1));
        }
        create(4, ALICE, BOB, T0.plusMillis(1), Map.of());
        create(5, ALICE, BOB, T0.minusMillis(1), Map.of());
        assertThat(ids(RecordingQuery.all())).containsExactly(id(4), low, middle, high, id(5));
    }

    @Test
    default void search_paging_followsOffsetAndLimit() throws CatalogException {
        for (int n = 1; n <= 7; n++) {
            create(n, ALICE, BOB, T0.plusSeconds(n), Map.of());
        }
        List<RecordingId> pages = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            List<RecordingId> page = ids(RecordingQuery.all().withPage(offset, 3));
            assertThat(page).hasSize(offset == 6 ? 1 : 3);
            pages.addAll(page);
        }
        assertThat(pages).containsExactly(id(7), id(6), id(5), id(4), id(3), id(2), id(1));
        assertThat(ids(RecordingQuery.all().withPage(7, 3))).isEmpty();
        assertThat(ids(RecordingQuery.all().withPage(2, 1))).containsExactly(id(5));
    }

    @Test
    default void search_results_carryEveryFieldAndTags() throws CatalogException {
        RecordingRow row = fullRow(id(1));
        catalog().create(row, key("kek-1", 1));
        create(2, BOB, CAROL, T0.plusSeconds(1), Map.of());
        assertThat(catalog().search(RecordingQuery.all())).containsExactly(
                row(id(2), BOB.e164(), CAROL.e164(), T0.plusSeconds(1), Map.of()), row);
    }

    private void createHandled(int n, String agent, PhoneNumber caller, PhoneNumber callee, Instant startedAt)
            throws CatalogException {
        catalog().create(RecordingRow.started(id(n), null, Party.of(caller.e164()), Party.of(callee.e164()),
                Direction.IN, agent, startedAt, AudioFormat.STEREO_8K, "recordings/" + n + ".cvr", 1, Map.of()),
                key("kek-1", n));
    }

    @Test
    default void search_byAgents_matchesAgentOrCallerOrCalleeNumber() throws CatalogException {
        PhoneNumber ext201 = PhoneNumber.of("201");
        createHandled(1, "alice", ALICE, BOB, T0);
        createHandled(2, null, ext201, BOB, T0.plusSeconds(1));
        createHandled(3, "bob", CAROL, ext201, T0.plusSeconds(2));
        createHandled(4, "carol", CAROL, BOB, T0.plusSeconds(3));
        createHandled(5, null, ALICE, CAROL, T0.plusSeconds(4));
        assertThat(ids(RecordingQuery.all().withAgents(Set.of("alice", "201")))).containsExactly(id(3), id(2), id(1));
        assertThat(ids(RecordingQuery.all().withAgents(Set.of(BOB.e164())))).containsExactly(id(4), id(2), id(1));
        assertThat(ids(RecordingQuery.all().withAgents(Set.of("dave")))).isEmpty();
        assertThat(ids(RecordingQuery.all().withAgents(null))).hasSize(5);
    }

    @Test
    default void search_emptyAgentsOrIds_findNothing() throws CatalogException {
        createHandled(1, "alice", ALICE, BOB, T0);
        assertThat(ids(RecordingQuery.all().withAgents(Set.of()))).isEmpty();
        assertThat(ids(RecordingQuery.all().withIds(Set.of()))).isEmpty();
    }

    @Test
    default void search_agentWithQuotesAndBackslashes_matchesExactly() throws CatalogException {
        String odd = "o'brien \"q\" \\ ☎";
        createHandled(1, odd, ALICE, BOB, T0);
        createHandled(2, "o'brien", ALICE, BOB, T0.plusSeconds(1));
        assertThat(ids(RecordingQuery.all().withAgents(Set.of(odd)))).containsExactly(id(1));
    }

    @Test
    default void search_byIds_restrictsToThoseThatExist() throws CatalogException {
        for (int n = 1; n <= 4; n++) {
            create(n, ALICE, BOB, T0.plusSeconds(n), Map.of());
        }
        assertThat(ids(RecordingQuery.all().withIds(Set.of(id(1), id(3), id(99))))).containsExactly(id(3), id(1));
        assertThat(ids(RecordingQuery.all().withIds(null))).hasSize(4);
    }

    @Test
    default void search_agentsAndIdsWithOtherCriteria_allHoldAndPage() throws CatalogException {
        for (int n = 1; n <= 6; n++) {
            createHandled(n, n % 2 == 0 ? "alice" : "bob", n <= 4 ? ALICE : CAROL, BOB, T0.plusSeconds(n));
        }
        RecordingQuery query = RecordingQuery.all().withParty(ALICE).withAgents(Set.of("alice"))
                .withIds(Set.of(id(1), id(2), id(4), id(6)));
        assertThat(ids(query)).containsExactly(id(4), id(2));
        assertThat(ids(query.withPage(1, 1))).containsExactly(id(2));
    }
}
