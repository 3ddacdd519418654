package io.callvault.testkit;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Seal;
import io.callvault.vault.spi.WrappedKey;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic catalog rows, keys and seals for {@link CatalogContract}: the same arguments always give
 * equal values, so a test can rebuild what it stored and compare.
 */
public final class CatalogFixtures {
    /** A start time with milliseconds, so a store that keeps only seconds fails the round trip. */
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123Z");

    private CatalogFixtures() {
    }

    /** {@code id(1)} is 00000001-0000-4000-8000-000000000001. */
    public static RecordingId id(int n) {
        return RecordingId.parse("%08x-0000-4000-8000-%012x".formatted(n, n));
    }

    /** A wrapped key of 48 bytes (a typical AEAD-wrapped 32-byte key) derived from {@code seed}. */
    public static WrappedKey key(String kekId, int seed) {
        byte[] ciphertext = new byte[48];
        new Random(seed).nextBytes(ciphertext);
        return new WrappedKey(kekId, ciphertext);
    }

    /**
     * A started recording with every optional field set, a non-ASCII display name (with a quote, to catch
     * text spliced into SQL), G.711 mono and two tags.
     */
    public static RecordingRow fullRow(RecordingId id) {
        return RecordingRow.started(id, "a84b4c76e66710@pc33.example.com/" + id,
                new Party(PhoneNumber.of("+14155550123"), "Zoë O'Brien-Müller ☎"),
                new Party(PhoneNumber.of("+442071838750"), "Support line"),
                Direction.OUT, "ext-204", T0, new AudioFormat(AudioEncoding.MULAW, 8000, 1),
                "recordings/2025/03/01/" + id + ".cvr", 1, Map.of("queue", "billing", "lang", "en"));
    }

    /** A started recording with only the required fields, stereo 8 kHz PCM. */
    public static RecordingRow row(RecordingId id, String caller, String callee, Instant startedAt,
                                   Map<String, String> tags) {
        return RecordingRow.started(id, null, Party.of(caller), Party.of(callee), Direction.IN, null, startedAt,
                AudioFormat.STEREO_8K, "recordings/" + id + ".cvr", 1, tags);
    }

    /**
     * A normal seal ending at {@code endedAt}. Its blob key differs from the rows' keys at create, as
     * after crash recovery re-encrypted a blob, so a catalog that ignores the seal's key fails.
     */
    public static Seal seal(Instant endedAt) {
        return new Seal(RecordingState.SEALED, endedAt, 30_000, 480_000, 481_024, "0123456789abcdef".repeat(4), "",
                "recordings/sealed/final.cvr");
    }
}
