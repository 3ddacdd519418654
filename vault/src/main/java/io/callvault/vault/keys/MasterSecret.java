package io.callvault.vault.keys;

import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The secret that opens the local keyring: 32 random bytes, written as base64 (44 characters) in the
 * {@code CALLVAULT_MASTER_KEY} environment variable or in the master key file. Only derived keys are ever
 * used (HKDF-SHA256 with the keyring's salt), one per purpose.
 *
 * <p>Holds cleartext key material; {@link #destroy()} when done.
 */
public final class MasterSecret {
    public static final int BYTES = 32;
    private final byte[] secret;
    private final String source;

    private MasterSecret(byte[] secret, String source) {
        this.secret = secret;
        this.source = source;
    }

    public static MasterSecret generate(String source) {
        byte[] s = new byte[BYTES];
        new SecureRandom().nextBytes(s);
        return new MasterSecret(s, source);
    }

    /**
     * Parses the base64 text of a master secret.
     *
     * @param source where the text came from, for error messages ("CALLVAULT_MASTER_KEY", a file path)
     * @throws IllegalArgumentException saying what is wrong and how to make a good one
     */
    public static MasterSecret parse(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master secret in " + source + " is not base64. It must be "
                    + BYTES + " random bytes in base64 (44 characters); make one with "
                    + "'bin/callvault keys new-master-secret'");
        }
        if (decoded.length != BYTES) {
            int n = decoded.length;
            Arrays.fill(decoded, (byte) 0);
            throw new IllegalArgumentException("the master secret in " + source + " is " + n + " bytes; it must be "
                    + BYTES + " random bytes in base64 (44 characters); make one with "
                    + "'bin/callvault keys new-master-secret'");
        }
        return new MasterSecret(decoded, source);
    }

    public String source() {
        return source;
    }

    /** The base64 text, for writing a newly generated secret to its file. */
    String toBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** A purpose-bound key derived from the secret. */
    byte[] derive(byte[] salt, String purpose, int size) throws GeneralSecurityException {
        return Hkdf.computeHkdf("HMACSHA256", secret, salt, purpose.getBytes(StandardCharsets.UTF_8), size);
    }

    public void destroy() {
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public String toString() {
        return "MasterSecret[from " + source + ", redacted]";
    }
}
