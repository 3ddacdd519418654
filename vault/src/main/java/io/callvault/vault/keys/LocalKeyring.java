package io.callvault.vault.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.callvault.vault.spi.KeyService;
import io.callvault.vault.spi.KeyServiceException;
import io.callvault.vault.spi.WrappedKey;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The default {@link KeyService}: a Tink AES256-GCM keyset of key-encryption keys, stored in one
 * owner-only file encrypted under a key derived from the {@link MasterSecret}.
 *
 * <p>File layout (a Java properties file, see docs/keys.md): {@code format}, {@code keyring_id},
 * {@code created_at}, {@code salt} (base64, HKDF salt), {@code check} (hex, identifies the right master
 * secret without trying to decrypt), {@code keyset} (base64 Tink encrypted keyset, associated data
 * "callvault keyring " + keyring id). Every change is written to a temp file and renamed.
 */
public final class LocalKeyring implements KeyService {
    static final String FORMAT = "callvault-keyring-1";
    private static final String PURPOSE_WRAP = "callvault keyring wrapping v1";
    private static final String PURPOSE_CHECK = "callvault keyring check v1";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path file;
    private final String keyringId;
    private final Instant createdAt;
    private final byte[] salt;
    private final String check;
    private final Aead keysetWrapping;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    private LocalKeyring(Path file, String keyringId, Instant createdAt, byte[] salt, String check,
                         Aead keysetWrapping, KeysetHandle keyset) throws GeneralSecurityException {
        this.file = file;
        this.keyringId = keyringId;
        this.createdAt = createdAt;
        this.salt = salt;
        this.check = check;
        this.keysetWrapping = keysetWrapping;
        install(keyset);
    }

    /** Creates a new keyring file with one KEK; fails if the file exists. */
    public static LocalKeyring create(Path file, MasterSecret secret) throws KeyServiceException {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            String id = UUID.randomUUID().toString();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            LocalKeyring ring = new LocalKeyring(file, id, Instant.now(), salt, checkValue(secret, salt),
                    new AesGcmJce(secret.derive(salt, PURPOSE_WRAP, 32)), keyset);
            ring.save(true);
            return ring;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyServiceException("cannot create keyring " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing keyring.
     *
     * @throws KeyServiceException saying whether the file is unreadable, not a keyring, opened with the
     *                             wrong master secret, or damaged
     */
    public static LocalKeyring open(Path file, MasterSecret secret) throws KeyServiceException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new KeyServiceException("cannot read keyring " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new KeyServiceException(file + " is not a callvault keyring (format '" + p.getProperty("format")
                    + "', expected '" + FORMAT + "')");
        }
        try {
            String id = required(p, "keyring_id", file);
            byte[] salt = Base64.getDecoder().decode(required(p, "salt", file));
            String check = required(p, "check", file);
            if (!check.equals(checkValue(secret, salt))) {
                throw new KeyServiceException("the master secret from " + secret.source() + " does not open keyring "
                        + file + " (keyring id " + id + "): it is not the secret this keyring was created with. "
                        + "Give the original secret (CALLVAULT_MASTER_KEY or keys.master_key_file); "
                        + "without it the recordings cannot be decrypted.");
            }
            Aead wrapping = new AesGcmJce(secret.derive(salt, PURPOSE_WRAP, 32));
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    Base64.getDecoder().decode(required(p, "keyset", file)), wrapping, keysetAad(id));
            return new LocalKeyring(file, id, Instant.parse(required(p, "created_at", file)), salt, check,
                    wrapping, keyset);
        } catch (GeneralSecurityException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new KeyServiceException("keyring " + file + " is damaged (the master secret is right, but the "
                    + "keyset does not decrypt: " + e.getMessage() + "). Restore it from backup.", e);
        }
    }

    public String keyringId() {
        return keyringId;
    }

    public Path file() {
        return file;
    }

    @Override
    public WrappedKey wrap(byte[] cleartextKey, byte[] associatedData) throws KeyServiceException {
        try {
            return new WrappedKey(primaryKekId(), aead.encrypt(cleartextKey, associatedData));
        } catch (GeneralSecurityException e) {
            throw new KeyServiceException("cannot wrap a data key with keyring " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyServiceException {
        if (!kekIds().contains(wrapped.kekId())) {
            throw new KeyServiceException("data key is wrapped with " + wrapped.kekId() + ", which keyring " + file
                    + " does not hold (it holds " + kekIds() + ")");
        }
        try {
            return aead.decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyServiceException("data key wrapped with " + wrapped.kekId()
                    + " does not decrypt: the wrapped key or its recording id was altered", e);
        }
    }

    @Override
    public String primaryKekId() {
        return kekId(keyset.getPrimary().getId());
    }

    @Override
    public List<String> kekIds() {
        KeysetHandle k = keyset;
        List<String> ids = new ArrayList<>(k.size());
        for (int i = 0; i < k.size(); i++) {
            ids.add(kekId(k.getAt(i).getId()));
        }
        return ids;
    }

    @Override
    public synchronized String rotate() throws KeyServiceException {
        try {
            KeysetHandle next = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            KeysetHandle previous = keyset;
            install(next);
            try {
                save(false);
            } catch (IOException e) {
                install(previous);
                throw e;
            }
            return primaryKekId();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyServiceException("cannot rotate keyring " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "local keyring " + file + " (id " + keyringId + ", " + keyset.size() + " KEKs, primary "
                + primaryKekId() + ")";
    }

    private void install(KeysetHandle handle) throws GeneralSecurityException {
        Aead a = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.keyset = handle;
        this.aead = a;
    }

    private void save(boolean mustBeNew) throws IOException, GeneralSecurityException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("keyring_id", keyringId);
        p.setProperty("created_at", createdAt.toString());
        p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        p.setProperty("check", check);
        p.setProperty("keyset", Base64.getEncoder().encodeToString(
                TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, keysetWrapping, keysetAad(keyringId))));
        StringWriter out = new StringWriter();
        p.store(out, "callvault keyring: key-encryption keys, encrypted with the master secret. "
                + "Back it up; without it (and the master secret) no recording can be decrypted.");
        SecureFiles.writeOwnerOnly(file, out.toString().getBytes(StandardCharsets.UTF_8), mustBeNew);
    }

    private static String checkValue(MasterSecret secret, byte[] salt) throws GeneralSecurityException {
        return HexFormat.of().formatHex(secret.derive(salt, PURPOSE_CHECK, 16));
    }

    private static byte[] keysetAad(String keyringId) {
        return ("callvault keyring " + keyringId).getBytes(StandardCharsets.UTF_8);
    }

    private static String kekId(int tinkKeyId) {
        return "kek-" + Integer.toUnsignedString(tinkKeyId);
    }

    private static String required(Properties p, String key, Path file) throws KeyServiceException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new KeyServiceException("keyring " + file + " lacks '" + key + "'; it is damaged. Restore it from backup.");
        }
        return v;
    }
}
