package io.callvault.api.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Locale;

/**
 * Password hashing with Argon2id (RFC 9106) and the password policy.
 *
 * <p>Parameters: 19 MiB of memory, 2 iterations, parallelism 1, a 16-byte random salt and a 32-byte
 * output — the first of OWASP's recommended Argon2id configurations (Password Storage Cheat Sheet), about
 * 50-100 ms per hash on a current server core. They are encoded in every stored hash
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$…}), so verification reads them from the hash and raising them
 * later leaves older hashes valid.
 *
 * <p>Policy: 12 to 256 characters, not containing the username. Length is what NIST SP 800-63B asks for;
 * composition rules are not imposed. Thread-safe.
 */
public final class Passwords {
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int OUTPUT_BYTES = 32;
    public static final int SALT_BYTES = 16;
    public static final int MIN_LENGTH = 12;
    /** Bounds the hashing work an anonymous login can cause. */
    public static final int MAX_LENGTH = 256;

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM,
            OUTPUT_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    /** Verified against when there is no user, so unknown and known usernames take the same time. */
    private static final String DECOY = hash(Secrets.random(24));

    private Passwords() {
    }

    /** The encoded Argon2id hash of {@code password} with a fresh random salt. */
    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
    }

    /** True if {@code password} matches {@code encodedHash}; false also for a hash that cannot be read. */
    public static boolean verify(String password, String encodedHash) {
        if (password == null || password.length() > MAX_LENGTH || encodedHash == null
                || !encodedHash.startsWith("$argon2")) {
            burn();
            return false;
        }
        try {
            return Password.check(password, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification, for logins that fail before a password is compared. */
    public static void burn() {
        Password.check("not the password", DECOY).with(ARGON2ID);
    }

    /** @throws IllegalArgumentException saying which rule {@code password} breaks */
    public static void checkPolicy(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password may have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("a password cannot be only spaces");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
            throw new IllegalArgumentException("a password must not contain the username");
        }
    }

    /** A random one-time password (24 characters, 144 bits), shown once to whoever resets or creates an account. */
    public static String oneTime() {
        return Secrets.random(18);
    }
}
