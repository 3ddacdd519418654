package io.callvault.vault.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A recording's data encryption key (DEK): 32 random bytes, used as the input key of Tink's
 * AES256-GCM-HKDF streaming AEAD with {@value #SEGMENT_SIZE}-byte ciphertext segments. Each stream derives
 * its own AES key from the DEK and a random salt, so even a reused DEK would not reuse a nonce.
 *
 * <p>Holds cleartext key material: create it, use it, {@link #destroy()} it. Never log it, never store
 * it unwrapped.
 */
public final class DataKey implements AutoCloseable {
    /**
     * Ciphertext segment size. 16 KiB is half a second of 8 kHz stereo 16-bit audio, so a crash loses at
     * most that much of a live recording; the 16-byte tag per segment costs 0.1 %.
     */
    public static final int SEGMENT_SIZE = 16 * 1024;
    public static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] cleartext;

    private DataKey(byte[] cleartext) {
        if (cleartext.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key is " + KEY_BYTES + " bytes, not " + cleartext.length);
        }
        this.cleartext = cleartext;
    }

    public static DataKey generate() {
        byte[] k = new byte[KEY_BYTES];
        RANDOM.nextBytes(k);
        return new DataKey(k);
    }

    /** Takes ownership of {@code cleartext} (as unwrapped by a KeyService); it is wiped on destroy. */
    public static DataKey fromCleartext(byte[] cleartext) {
        return new DataKey(cleartext);
    }

    /** The raw key, for wrapping only. The caller must not keep or log it. */
    public byte[] cleartextForWrapping() {
        return cleartext;
    }

    public StreamingAead streamingAead() throws GeneralSecurityException {
        AesGcmHkdfStreamingParameters params = AesGcmHkdfStreamingParameters.builder()
                .setKeySizeBytes(KEY_BYTES)
                .setDerivedAesGcmKeySizeBytes(32)
                .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                .setCiphertextSegmentSizeBytes(SEGMENT_SIZE)
                .build();
        return AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(params,
                SecretBytes.copyFrom(cleartext, InsecureSecretKeyAccess.get())));
    }

    public void destroy() {
        Arrays.fill(cleartext, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
