package io.callvault.server.sip;

import io.callvault.vault.spi.KeyService;
import io.callvault.vault.spi.KeyServiceException;
import io.callvault.vault.spi.Trunk;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one place a trunk's digest password is decrypted. It is wrapped by the keyring's KEK with the associated
 * data {@code "callvault trunk " + name} ({@link #associatedData}), so a wrapped password copied onto another
 * trunk's row does not decrypt. The cleartext exists only as the returned String, for answering the trunk's
 * digest challenge; never log it.
 */
public final class TrunkSecrets {
    private TrunkSecrets() {
    }

    /** What wrap and unwrap bind the password to: the trunk's name, in US-ASCII (names are [a-z0-9_-]). */
    public static byte[] associatedData(String trunkName) {
        return ("callvault trunk " + trunkName).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decrypts the trunk's password (UTF-8). Unchecked failures, so that it can be called lazily from a
     * supplier when a challenge arrives.
     *
     * @throws IllegalArgumentException if the trunk has no password
     * @throws IllegalStateException    if the keyring cannot unwrap it (KEK gone, row tampered with or moved
     *                                  to another trunk name); the message names the trunk and the KEK
     */
    public static String password(KeyService keys, Trunk t) {
        var wrapped = t.password().orElseThrow(
                () -> new IllegalArgumentException("trunk " + t.name() + " has no password"));
        byte[] cleartext;
        try {
            cleartext = keys.unwrap(wrapped, associatedData(t.name()));
        } catch (KeyServiceException e) {
            throw new IllegalStateException("cannot decrypt the password of trunk " + t.name() + " (wrapped with "
                    + wrapped.kekId() + " in " + keys.describe() + "): " + e.getMessage()
                    + "; set it again with 'callvault trunk add " + t.name() + " ... --password-stdin'", e);
        }
        try {
            return new String(cleartext, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(cleartext, (byte) 0);
        }
    }
}
