package io.callvault.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The API's tunables, validated here (the server reads them from the {@code http.*} and {@code auth.*}
 * configuration keys, documented in callvault-defaults.properties).
 *
 * @param secureCookies        mark the session cookie {@code Secure} (HTTPS only)
 * @param maxBodyBytes         largest JSON request body; larger ones get 413
 * @param maxUploadBytes       largest recording upload (the whole multipart request); larger ones get 413
 * @param sessionTtl           a browser session ends this long after login
 * @param lockoutAfterFailures consecutive failed logins after which the account is locked
 * @param lockoutBase          the first lockout; each further failure doubles it
 * @param lockoutMax           the longest lockout
 */
public record ApiSettings(boolean secureCookies, int maxBodyBytes, long maxUploadBytes, Duration sessionTtl,
                          int lockoutAfterFailures, Duration lockoutBase, Duration lockoutMax) {
    public ApiSettings {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, not " + maxBodyBytes);
        }
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("maxUploadBytes must be at least 1024, not " + maxUploadBytes);
        }
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive");
        }
        if (lockoutAfterFailures < 1) {
            throw new IllegalArgumentException("lockoutAfterFailures must be at least 1");
        }
        Objects.requireNonNull(lockoutBase, "lockoutBase");
        Objects.requireNonNull(lockoutMax, "lockoutMax");
        if (lockoutBase.isNegative() || lockoutBase.isZero() || lockoutMax.compareTo(lockoutBase) < 0) {
            throw new IllegalArgumentException("lockouts need 0 < lockoutBase <= lockoutMax");
        }
    }

    /** The defaults of callvault-defaults.properties: 64 KiB JSON, 128 MiB uploads, 8 h sessions, 5 failures, 1 min to 1 h. */
    public static ApiSettings defaults() {
        return new ApiSettings(false, 64 * 1024, 128L * 1024 * 1024, Duration.ofHours(8), 5, Duration.ofMinutes(1),
                Duration.ofHours(1));
    }

    public ApiSettings withSecureCookies(boolean secure) {
        return new ApiSettings(secure, maxBodyBytes, maxUploadBytes, sessionTtl, lockoutAfterFailures, lockoutBase,
                lockoutMax);
    }

    public ApiSettings withMaxUploadBytes(long max) {
        return new ApiSettings(secureCookies, maxBodyBytes, max, sessionTtl, lockoutAfterFailures, lockoutBase,
                lockoutMax);
    }
}
