package io.callvault.testkit;

import static io.callvault.testkit.CatalogFixtures.T0;
import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.retention.RetentionAssignment;
import io.callvault.vault.spi.retention.RetentionPolicy;
import io.callvault.vault.spi.retention.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link RetentionStore} contract: implement it in a test class whose {@link #retention()} is a fresh,
 * empty store for each test and {@link #catalog()} the catalog whose recordings it assigns. Beyond the
 * Javadoc it pins that "by name" is String order and "by id" the id's canonical text.
 */
public interface RetentionStoreContract {

    RetentionStore retention();

    /** The catalog holding the recordings {@link #retention()} assigns policies to. */
    Catalog catalog();

    private RecordingId recording(RecordingId id) throws Exception {
        catalog().create(fullRow(id), key("kek-1", id.hashCode()));
        return id;
    }

    private static Instant days(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    @Test
    default void putPolicy_thenListed_withEveryField() throws Exception {
        RetentionPolicy pci = new RetentionPolicy("pci-7y", 2555, Map.of("queue", "payments", "region", "EU"), 10,
                true, "Card payments, Art. 10 \"retention\" rule");
        RetentionPolicy fallback = new RetentionPolicy("default", 90, Map.of(), 0, false, null);
        retention().putPolicy(pci);
        retention().putPolicy(fallback);
        assertThat(retention().policies()).containsExactly(fallback, pci);
    }

    @Test
    default void putPolicy_sameName_replacesItAndItsWholeMatch() throws Exception {
        retention().putPolicy(new RetentionPolicy("sales", 30, Map.of("queue", "sales", "lang", "en"), 1, false, "a"));
        RetentionPolicy replaced = new RetentionPolicy("sales", 60, Map.of("team", "emea"), 2, true, "b");
        retention().putPolicy(replaced);
        assertThat(retention().policies()).containsExactly(replaced);
    }

    @Test
    default void policies_areByNameInStringOrder() throws Exception {
        for (String name : new String[] {"b", "ab", "a_b", "a-z", "a0"}) {
            retention().putPolicy(new RetentionPolicy(name, 30, Map.of(), 0, false, ""));
        }
        assertThat(retention().policies()).extracting(RetentionPolicy::name)
                .containsExactly("a-z", "a0", "a_b", "ab", "b");
    }

    @Test
    default void deletePolicy_reportsWhetherItExisted_andKeepsAssignmentsNamingIt() throws Exception {
        retention().putPolicy(new RetentionPolicy("short", 7, Map.of("queue", "test"), 0, false, ""));
        RecordingId r = recording(id(1));
        retention().assign(new RetentionAssignment(r, "short", days(7)));
        assertThat(retention().deletePolicy("short")).isTrue();
        assertThat(retention().deletePolicy("short")).isFalse();
        assertThat(retention().policies()).isEmpty();
        assertThat(retention().assignment(r)).contains(new RetentionAssignment(r, "short", days(7)));
    }

    @Test
    default void assign_thenRead_andOverwrite() throws Exception {
        RecordingId r = recording(id(1));
        recording(id(2));
        assertThat(retention().assignment(r)).isEmpty();
        retention().assign(new RetentionAssignment(r, "default", days(90)));
        assertThat(retention().assignment(r)).contains(new RetentionAssignment(r, "default", days(90)));
        retention().assign(new RetentionAssignment(r, "pci-7y", days(2555)));
        assertThat(retention().assignment(r)).contains(new RetentionAssignment(r, "pci-7y", days(2555)));
        assertThat(retention().assignment(id(2))).isEmpty();
    }

    @Test
    default void assign_missingRecording_failsNotFound() throws Exception {
        assertThatThrownBy(() -> retention().assign(new RetentionAssignment(id(9), "default", days(90))))
                .isInstanceOfSatisfying(RecordingNotFoundException.class, e -> assertThat(e.id()).isEqualTo(id(9)));
        assertThat(retention().assignment(id(9))).isEmpty();
    }

    @Test
    default void expired_earliestFirstThenById_nowInclusive_upToLimit() throws Exception {
        // UUID.compareTo would put f0… and 80… before 10…; the contract orders by the id's text.
        RecordingId high = recording(RecordingId.parse("f0000000-0000-4000-8000-000000000000"));
        RecordingId low = recording(RecordingId.parse("10000000-0000-4000-8000-000000000000"));
        RecordingId late = recording(id(3));
        RecordingId early = recording(id(4));
        RecordingId future = recording(id(5));
        recording(id(6));
        retention().assign(new RetentionAssignment(high, "default", days(10)));
        retention().assign(new RetentionAssignment(low, "default", days(10)));
        retention().assign(new RetentionAssignment(late, "default", days(20)));
        retention().assign(new RetentionAssignment(early, "short", days(5)));
        retention().assign(new RetentionAssignment(future, "default", days(21)));
        assertThat(retention().expired(days(20), 100)).extracting(RetentionAssignment::id)
                .containsExactly(early, low, high, late);
        assertThat(retention().expired(days(20), 2)).containsExactly(
                new RetentionAssignment(early, "short", days(5)), new RetentionAssignment(low, "default", days(10)));
        assertThat(retention().expired(days(20).minusMillis(1), 100)).extracting(RetentionAssignment::id)
                .containsExactly(early, low, high);
        assertThat(retention().expired(days(4), 100)).isEmpty();
    }

    @Test
    default void shreddedRecording_losesItsAssignment() throws Exception {
        RecordingId r = recording(id(1));
        retention().assign(new RetentionAssignment(r, "default", days(1)));
        catalog().shred(r, "retention expired", "retention-job", days(2));
        assertThat(retention().assignment(r)).isEmpty();
        assertThat(retention().expired(days(3), 10)).isEmpty();
        assertThatThrownBy(() -> retention().assign(new RetentionAssignment(r, "default", days(5))))
                .isInstanceOf(RecordingNotFoundException.class);
    }
}
