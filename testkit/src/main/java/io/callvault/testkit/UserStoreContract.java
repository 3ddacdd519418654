package io.callvault.testkit;

import static io.callvault.testkit.GovernanceFixtures.T0;
import static io.callvault.testkit.GovernanceFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.access.UserStore;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link UserStore} contract: implement it in a test class whose {@link #users()} is a fresh, empty
 * store for each test. Beyond the Javadoc it pins that instants are kept to the millisecond and that
 * "by username" is String order.
 */
public interface UserStoreContract {

    UserStore users();

    @Test
    default void createUser_thenFound_withEveryField() throws Exception {
        UserAccount u = new UserAccount("zoe.obrien", "Zoë O'Brien", Set.of(Role.SUPERVISOR, Role.COMPLIANCE),
                Set.of("billing", "Support, EU \"2nd\""), "204", GovernanceFixtures.PASSWORD_HASH, true, 3,
                T0.plus(Duration.ofMinutes(15)), false, T0);
        users().create(u);
        assertThat(users().find("zoe.obrien")).contains(u);
    }

    @Test
    default void createUser_withoutOptionalFields_roundTrips() throws Exception {
        UserAccount bare = new UserAccount("svc-export", null, Set.of(Role.AUDITOR), null, null,
                GovernanceFixtures.PASSWORD_HASH, false, 0, null, true, T0);
        users().create(bare);
        assertThat(users().find("svc-export")).contains(bare);
    }

    @Test
    default void createUser_existingUsername_conflictsAndKeepsTheFirst() throws Exception {
        UserAccount first = user("alice");
        users().create(first);
        UserAccount second = first.withProfile("Other Alice", Set.of(Role.ADMIN), Set.of(), null, false);
        assertThatThrownBy(() -> users().create(second)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("alice");
        assertThat(users().find("alice")).contains(first);
    }

    @Test
    default void updateUser_replacesEveryFieldButUsernameAndCreatedAt() throws Exception {
        users().create(user("alice"));
        UserAccount changed = new UserAccount("alice", "Alice B.", Set.of(Role.SUPERVISOR, Role.AGENT),
                Set.of("support", "sales"), null, "$argon2id$new", true, 5, T0.plusSeconds(900), true,
                T0.plusSeconds(86_400));
        assertThat(users().update(changed)).isTrue();
        UserAccount expected = new UserAccount("alice", "Alice B.", Set.of(Role.SUPERVISOR, Role.AGENT),
                Set.of("support", "sales"), null, "$argon2id$new", true, 5, T0.plusSeconds(900), true, T0);
        assertThat(users().find("alice")).contains(expected);
    }

    @Test
    default void updateUser_loginCountersAndPassword_roundTrip() throws Exception {
        UserAccount alice = user("alice");
        users().create(alice);
        users().update(alice.withLogins(4, T0.plusSeconds(300)));
        assertThat(users().find("alice").orElseThrow().lockedUntil()).isEqualTo(T0.plusSeconds(300));
        users().update(alice.withPassword("$argon2id$changed", false));
        UserAccount back = users().find("alice").orElseThrow();
        assertThat(back.failedLogins()).isZero();
        assertThat(back.lockedUntil()).isNull();
        assertThat(back.passwordHash()).isEqualTo("$argon2id$changed");
    }

    @Test
    default void updateUser_unknown_returnsFalseAndCreatesNothing() throws Exception {
        assertThat(users().update(user("ghost"))).isFalse();
        assertThat(users().find("ghost")).isEmpty();
        assertThat(users().list()).isEmpty();
    }

    @Test
    default void findUser_unknown_isEmpty() throws Exception {
        users().create(user("alice"));
        assertThat(users().find("alicia")).isEmpty();
    }

    @Test
    default void listUsers_byUsernameInStringOrder_withTeams() throws Exception {
        for (String name : new String[] {"b", "ab", "a_b", "a-z", "a.b", "a0"}) {
            users().create(user(name));
        }
        // '-' < '.' < digits < '_' < letters, whatever the database's collation.
        assertThat(users().list()).extracting(UserAccount::username)
                .containsExactly("a-z", "a.b", "a0", "a_b", "ab", "b");
        assertThat(users().list()).allSatisfy(u -> assertThat(u.teams()).containsExactly("billing"));
    }
}
