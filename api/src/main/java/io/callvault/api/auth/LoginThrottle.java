package io.callvault.api.auth;

import io.callvault.vault.spi.access.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Account lockout after repeated failed logins. After {@code threshold} consecutive failures the account is
 * locked for {@code base}; every further failure (once the lock has run out) doubles the lock, up to
 * {@code max}: with the defaults 5 failures lock for 1 minute, the 6th for 2, the 7th for 4 … at most 1 hour.
 * Attempts while locked are refused without looking at the password and do not count. A success resets the
 * count. The state lives in {@link UserAccount#failedLogins()} and {@link UserAccount#lockedUntil()}.
 */
public record LoginThrottle(int threshold, Duration base, Duration max) {
    public LoginThrottle {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1");
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
    }

    public boolean locked(UserAccount user, Instant now) {
        return user.lockedUntil() != null && now.isBefore(user.lockedUntil());
    }

    /** The account after one more failed login at {@code now}. */
    public UserAccount afterFailure(UserAccount user, Instant now) {
        int failures = user.failedLogins() == Integer.MAX_VALUE ? Integer.MAX_VALUE : user.failedLogins() + 1;
        if (failures < threshold) {
            return user.withLogins(failures, null);
        }
        return user.withLogins(failures, now.plus(lockFor(failures)));
    }

    /** How long the {@code failures}-th consecutive failure locks the account (threshold or more). */
    public Duration lockFor(int failures) {
        int doublings = Math.min(failures - threshold, 30);
        Duration lock = base.multipliedBy(1L << doublings);
        return lock.compareTo(max) > 0 ? max : lock;
    }

    /** The account after a successful login: no failures, no lock. */
    public UserAccount afterSuccess(UserAccount user) {
        return user.withLogins(0, null);
    }
}
