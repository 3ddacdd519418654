package io.callvault.vault.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A recording's data key encrypted under a key-encryption key. {@code kekId} names the KEK that wrapped
 * it, so rotation can find the keys still wrapped with an old KEK. Safe to store and to log.
 */
public record WrappedKey(String kekId, byte[] ciphertext) {
    public WrappedKey {
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(ciphertext, "ciphertext");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && w.kekId.equals(kekId) && Arrays.equals(w.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return kekId.hashCode() * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[kek=" + kekId + ", " + ciphertext.length + " bytes]";
    }
}
