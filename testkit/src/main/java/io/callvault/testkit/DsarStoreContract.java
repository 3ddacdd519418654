package io.callvault.testkit;

import static io.callvault.testkit.GovernanceFixtures.action;
import static io.callvault.testkit.GovernanceFixtures.dsar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.PhoneNumber;
import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.dsar.DsarAction;
import io.callvault.vault.spi.dsar.DsarKind;
import io.callvault.vault.spi.dsar.DsarRequest;
import io.callvault.vault.spi.dsar.DsarStatus;
import io.callvault.vault.spi.dsar.DsarStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link DsarStore} contract: implement it in a test class whose {@link #dsars()} is a fresh, empty
 * store for each test. Beyond the Javadoc it pins that the subject's numbers keep their order and that
 * "by id" is String order.
 */
public interface DsarStoreContract {

    PhoneNumber ZOE = PhoneNumber.of("+4930901820");
    PhoneNumber ZOE_MOBILE = PhoneNumber.of("+4915112345678");

    DsarStore dsars();

    @Test
    default void createDsar_thenFound_withNumbersInOrderAndActions() throws Exception {
        DsarRequest base = dsar("d1", DsarKind.ERASURE, 0, List.of(ZOE_MOBILE, ZOE));
        DsarRequest r = new DsarRequest("d1", base.kind(), base.numbers(), base.subjectName(), base.subjectEmail(),
                base.receivedAt(), base.dueAt(), DsarStatus.OPEN, "dpo",
                List.of(action(0, "dpo", "received", "by letter"), action(5, "carol", "verify", "passport seen")));
        dsars().create(r);
        assertThat(dsars().find("d1")).contains(r);
        assertThat(dsars().find("d2")).isEmpty();
    }

    @Test
    default void createDsar_withoutActions_roundTrips() throws Exception {
        DsarRequest r = dsar("d1", DsarKind.ACCESS, 0, List.of(ZOE));
        dsars().create(r);
        assertThat(dsars().find("d1")).contains(r);
    }

    @Test
    default void createDsar_existingId_conflictsAndKeepsTheFirst() throws Exception {
        DsarRequest first = dsar("d1", DsarKind.ACCESS, 0, List.of(ZOE));
        dsars().create(first);
        assertThatThrownBy(() -> dsars().create(dsar("d1", DsarKind.ERASURE, 3, List.of(ZOE_MOBILE))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("d1");
        assertThat(dsars().find("d1")).contains(first);
    }

    @Test
    default void record_appendsTheActionAndSetsTheStatus() throws Exception {
        dsars().create(dsar("d1", DsarKind.ERASURE, 0, List.of(ZOE)));
        DsarAction search = action(10, "carol", "search", "4 recordings");
        DsarAction erase = action(20, "carol", "erase", "3 shredded, 1 under hold h7");
        assertThat(dsars().record("d1", search, DsarStatus.OPEN)).isTrue();
        assertThat(dsars().record("d1", erase, DsarStatus.COMPLETED)).isTrue();
        DsarRequest back = dsars().find("d1").orElseThrow();
        assertThat(back.actions()).containsExactly(search, erase);
        assertThat(back.status()).isEqualTo(DsarStatus.COMPLETED);
    }

    @Test
    default void record_unknownRequest_returnsFalse() throws Exception {
        assertThat(dsars().record("nope", action(0, "carol", "search", ""), DsarStatus.REJECTED)).isFalse();
        assertThat(dsars().list()).isEmpty();
    }

    @Test
    default void listDsars_byDueDateThenId_withNumbersAndActions() throws Exception {
        dsars().create(dsar("late", DsarKind.ACCESS, 5, List.of(ZOE)));
        dsars().create(dsar("b", DsarKind.ERASURE, 1, List.of(ZOE, ZOE_MOBILE)));
        dsars().create(dsar("a", DsarKind.ACCESS, 1, List.of(ZOE_MOBILE)));
        dsars().record("b", action(60, "carol", "export", "2 files"), DsarStatus.COMPLETED);
        List<DsarRequest> all = dsars().list();
        assertThat(all).extracting(DsarRequest::id).containsExactly("a", "b", "late");
        assertThat(all.get(1).numbers()).containsExactly(ZOE, ZOE_MOBILE);
        assertThat(all.get(1).actions()).containsExactly(action(60, "carol", "export", "2 files"));
        assertThat(all.get(1).status()).isEqualTo(DsarStatus.COMPLETED);
        assertThat(all.get(0).actions()).isEmpty();
    }
}
