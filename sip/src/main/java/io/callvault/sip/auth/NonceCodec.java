package io.callvault.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless server nonces. Layout before base64url (no padding), 36 bytes, 48 characters:
 * <pre>
 *   0..7    issue time, epoch milliseconds, big-endian
 *   8..19   12 random bytes
 *   20..35  HMAC-SHA256(secret, "callvault-sip-digest-nonce-v1" 0x00 realm 0x00 bytes 0..19), first 16 bytes
 * </pre>
 * The realm is bound in so a nonce from one realm is useless in another. {@link #issuedAt} checks the
 * length before decoding and compares the MAC in constant time. Thread-safe.
 */
final class NonceCodec {
    static final int ENCODED_LENGTH = 48;
    private static final byte[] LABEL = "callvault-sip-digest-nonce-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_LENGTH = 16;

    private final SecretKeySpec key;
    private final byte[] realm;
    private final SecureRandom random = new SecureRandom();

    NonceCodec(byte[] secret, String realm) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.realm = realm.getBytes(StandardCharsets.UTF_8);
    }

    String mint(long issuedAtMillis) {
        byte[] raw = new byte[36];
        ByteBuffer.wrap(raw).putLong(issuedAtMillis);
        byte[] nonceRandom = new byte[12];
        random.nextBytes(nonceRandom);
        System.arraycopy(nonceRandom, 0, raw, 8, 12);
        System.arraycopy(mac(raw), 0, raw, 20, MAC_LENGTH);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The issue time of a nonce this server minted for this realm; empty for anything else. */
    OptionalLong issuedAt(String nonce) {
        if (nonce.length() != ENCODED_LENGTH) {
            return OptionalLong.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return OptionalLong.empty();
        }
        if (raw.length != 36 || !MessageDigest.isEqual(Arrays.copyOfRange(raw, 20, 36), mac(raw))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(raw).getLong());
    }

    private byte[] mac(byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(LABEL);
            mac.update((byte) 0);
            mac.update(realm);
            mac.update((byte) 0);
            mac.update(raw, 0, 20);
            return Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
