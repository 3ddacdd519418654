package io.callvault.testkit;

import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.GovernanceFixtures.T0;
import static io.callvault.testkit.GovernanceFixtures.hold;
import static io.callvault.testkit.GovernanceFixtures.searchHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.PhoneNumber;
import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.hold.HoldStore;
import io.callvault.vault.spi.hold.LegalHold;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link HoldStore} contract: implement it in a test class whose {@link #holds()} is a fresh, empty
 * store for each test. Release takes a request and an approval by someone else, and the store itself
 * refuses self-approval, approval without a request and a second approval, also when two approvals race.
 */
public interface HoldStoreContract {

    HoldStore holds();

    private LegalHold pending(String id) throws Exception {
        holds().create(hold(id, 0, Set.of(id(1))));
        assertThat(holds().requestRelease(id, "alice", "matter settled", T0.plusSeconds(60))).isTrue();
        return holds().find(id).orElseThrow();
    }

    @Test
    default void createHold_byIds_thenFound_withEveryField() throws Exception {
        LegalHold h = hold("h1", 0, Set.of(id(3), id(1), id(2)));
        holds().create(h);
        assertThat(holds().find("h1")).contains(h);
        assertThat(holds().find("h1").orElseThrow().scope().recordingIds()).containsExactly(id(1), id(2), id(3));
        assertThat(holds().find("h2")).isEmpty();
    }

    @Test
    default void createHold_bySearch_thenFound_withEveryField() throws Exception {
        LegalHold party = searchHold("h1", 0, PhoneNumber.of("+14155550123"));
        LegalHold range = LegalHold.create("h2", "Range", "audit", "M-7", "carol", T0,
                HoldScope.search(null, null, T0.plusSeconds(3600)));
        holds().create(party);
        holds().create(range);
        assertThat(holds().find("h1")).contains(party);
        assertThat(holds().find("h2")).contains(range);
    }

    @Test
    default void createHold_existingId_conflictsAndKeepsTheFirst() throws Exception {
        LegalHold first = hold("h1", 0, Set.of(id(1)));
        holds().create(first);
        assertThatThrownBy(() -> holds().create(hold("h1", 5, Set.of(id(2))))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("h1");
        assertThat(holds().find("h1")).contains(first);
    }

    @Test
    default void listHolds_activeFirst_thenNewestFirst() throws Exception {
        holds().create(hold("old", 0, Set.of(id(1))));
        holds().create(hold("mid", 10, Set.of(id(2))));
        holds().create(searchHold("new", 20, PhoneNumber.of("+4930901820")));
        holds().requestRelease("new", "alice", "done", T0.plusSeconds(3600));
        holds().approveRelease("new", "bob", T0.plusSeconds(7200));
        assertThat(holds().list()).extracting(LegalHold::id).containsExactly("mid", "old", "new");
    }

    @Test
    default void requestRelease_recordsTheRequest_andTheHoldStaysActive() throws Exception {
        LegalHold h = pending("h1");
        assertThat(h.releaseRequestedBy()).isEqualTo("alice");
        assertThat(h.releaseRequestedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(h.releaseReason()).isEqualTo("matter settled");
        assertThat(h.active()).isTrue();
        assertThat(h.releaseRequested()).isTrue();
    }

    @Test
    default void requestRelease_pendingReleasedOrUnknown_isRefused() throws Exception {
        pending("h1");
        assertThat(holds().requestRelease("h1", "bob", "again", T0.plusSeconds(90))).isFalse();
        assertThat(holds().find("h1").orElseThrow().releaseRequestedBy()).isEqualTo("alice");
        assertThat(holds().approveRelease("h1", "bob", T0.plusSeconds(120))).isTrue();
        assertThat(holds().requestRelease("h1", "dave", "again", T0.plusSeconds(180))).isFalse();
        assertThat(holds().requestRelease("nope", "dave", "why", T0)).isFalse();
    }

    @Test
    default void approveRelease_bySomeoneElse_releasesTheHold() throws Exception {
        pending("h1");
        assertThat(holds().approveRelease("h1", "bob", T0.plusSeconds(120))).isTrue();
        LegalHold h = holds().find("h1").orElseThrow();
        assertThat(h.active()).isFalse();
        assertThat(h.releaseRequested()).isFalse();
        assertThat(h.releasedBy()).isEqualTo("bob");
        assertThat(h.releasedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(h.releaseRequestedBy()).isEqualTo("alice");
    }

    @Test
    default void approveRelease_byTheRequester_isRefused() throws Exception {
        LegalHold before = pending("h1");
        assertThat(holds().approveRelease("h1", "alice", T0.plusSeconds(120))).isFalse();
        assertThat(holds().find("h1")).contains(before);
    }

    @Test
    default void approveRelease_withoutRequest_isRefused() throws Exception {
        LegalHold h = hold("h1", 0, Set.of(id(1)));
        holds().create(h);
        assertThat(holds().approveRelease("h1", "bob", T0.plusSeconds(120))).isFalse();
        assertThat(holds().find("h1")).contains(h);
        assertThat(holds().approveRelease("nope", "bob", T0)).isFalse();
    }

    @Test
    default void approveRelease_twice_onlyTheFirstWins() throws Exception {
        pending("h1");
        assertThat(holds().approveRelease("h1", "bob", T0.plusSeconds(120))).isTrue();
        assertThat(holds().approveRelease("h1", "carol", T0.plusSeconds(180))).isFalse();
        LegalHold h = holds().find("h1").orElseThrow();
        assertThat(h.releasedBy()).isEqualTo("bob");
        assertThat(h.releasedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    default void approveRelease_racingFromTwoThreads_exactlyOneWins() throws Exception {
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            pending("h" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Boolean>>> approvers = new ArrayList<>();
            for (String approver : List.of("bob", "carol")) {
                approvers.add(pool.submit(() -> {
                    start.await();
                    List<Boolean> won = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        won.add(holds().approveRelease("h" + i, approver, T0.plusSeconds(120)));
                    }
                    return won;
                }));
            }
            start.countDown();
            List<Boolean> bob = approvers.get(0).get();
            List<Boolean> carol = approvers.get(1).get();
            for (int i = 0; i < rounds; i++) {
                assertThat(bob.get(i) ^ carol.get(i)).as("exactly one approval of h" + i + " succeeds").isTrue();
                assertThat(holds().find("h" + i).orElseThrow().releasedBy()).isEqualTo(bob.get(i) ? "bob" : "carol");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
