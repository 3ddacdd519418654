package io.callvault.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    static final Instant T = Instant.parse("2026-11-30T09:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(1), Duration.ofHours(1));
    final UserAccount user = new UserAccount("bob", "Bob", Set.of(Role.AGENT), Set.of(), null, "$argon2id$x", false, 0,
            null, false, T);

    @Test
    void failuresBelowTheThreshold_countButDoNotLock() {
        UserAccount u = user;
        for (int i = 1; i < 5; i++) {
            u = throttle.afterFailure(u, T);
            assertThat(u.failedLogins()).isEqualTo(i);
            assertThat(throttle.locked(u, T)).isFalse();
        }
    }

    @Test
    void lockDoublesPerFailureFromTheThreshold_andIsCapped() {
        assertThat(throttle.lockFor(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockFor(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.lockFor(9)).isEqualTo(Duration.ofMinutes(16));
        assertThat(throttle.lockFor(11)).isEqualTo(Duration.ofHours(1)); // 64 min capped
        assertThat(throttle.lockFor(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void lock_endsExactlyAtLockedUntil() {
        UserAccount u = throttle.afterFailure(user.withLogins(4, null), T);
        assertThat(throttle.locked(u, T.plusSeconds(59))).isTrue();
        assertThat(throttle.locked(u, T.plusSeconds(60))).isFalse();
    }

    @Test
    void success_resetsCountAndLock() {
        UserAccount u = throttle.afterSuccess(user.withLogins(7, T.plusSeconds(600)));
        assertThat(u.failedLogins()).isZero();
        assertThat(u.lockedUntil()).isNull();
    }
}
