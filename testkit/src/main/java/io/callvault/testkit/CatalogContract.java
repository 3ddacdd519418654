package io.callvault.testkit;

import static io.callvault.testkit.CatalogFixtures.T0;
import static io.callvault.testkit.CatalogFixtures.fullRow;
import static io.callvault.testkit.CatalogFixtures.id;
import static io.callvault.testkit.CatalogFixtures.key;
import static io.callvault.testkit.CatalogFixtures.row;
import static io.callvault.testkit.CatalogFixtures.seal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.RecordingId;
import io.callvault.vault.spi.Catalog;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.RecordingNotFoundException;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Seal;
import io.callvault.vault.spi.Segment;
import io.callvault.vault.spi.SegmentKind;
import io.callvault.vault.spi.Tombstone;
import io.callvault.vault.spi.WrappedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Catalog} contract, run against every implementation: subclass it and return a fresh, empty
 * catalog from {@link #newCatalog()}; each test gets its own. The search rules and the concurrency
 * guarantees are in the mixed-in {@link CatalogSearchContract} and {@link CatalogConcurrencyContract}.
 *
 * <p>Beyond the SPI's Javadoc, the contract pins three things callers can observe: instants are kept to
 * the millisecond; "then by id" in search order means the id's canonical text (equal to the byte order
 * of a UUID column, unlike {@link java.util.UUID#compareTo}); and {@code create} rejects a row that is
 * not in state RECORDING with an {@link IllegalArgumentException} (a programming error, not a store
 * failure).
 */
public abstract class CatalogContract implements CatalogSearchContract, CatalogConcurrencyContract {

    /** The catalog under test, created before and closed after each test. */
    protected Catalog catalog;

    /** Returns a new catalog holding no recordings, tombstones or settings. */
    protected abstract Catalog newCatalog() throws Exception;

    @Override
    public final Catalog catalog() {
        return catalog;
    }

    @BeforeEach
    void createCatalog() throws Exception {
        catalog = newCatalog();
    }

    @AfterEach
    void closeCatalog() throws Exception {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void createThenFind_returnsEveryField() throws CatalogException {
        RecordingRow row = fullRow(id(1));
        catalog.create(row, key("kek-1", 1));
        assertThat(catalog.find(row.id())).contains(row);
    }

    @Test
    void createWithoutOptionalFields_roundTripsNulls() throws CatalogException {
        RecordingRow row = row(id(1), "+14155550123", "+14155550199", T0, Map.of());
        catalog.create(row, key("kek-1", 1));
        RecordingRow found = catalog.find(row.id()).orElseThrow();
        assertThat(found).isEqualTo(row);
        assertThat(found.callId()).isNull();
        assertThat(found.endedAt()).isNull();
        assertThat(found.plaintextSha256()).isNull();
        assertThat(found.caller().displayName()).isNull();
    }

    @Test
    void find_unknownId_isEmpty() throws CatalogException {
        assertThat(catalog.find(id(1))).isEmpty();
    }

    @Test
    void instants_areKeptToTheMillisecond() throws CatalogException {
        Instant fine = Instant.parse("2025-03-01T09:00:00.123456789Z");
        RecordingRow row = row(id(1), "+14155550123", "+14155550199", fine, Map.of());
        catalog.create(row, key("kek-1", 1));
        catalog.seal(row.id(), seal(fine.plusSeconds(60)));
        Tombstone tombstone = catalog.shred(id(1), "retention", "job", fine.plusSeconds(120));
        assertThat(tombstone.deletedAt()).isEqualTo(Instant.parse("2025-03-01T09:02:00.123Z"));
        catalog.create(row(id(2), "+14155550123", "+14155550199", fine, Map.of()), key("kek-1", 2));
        catalog.seal(id(2), seal(fine.plusSeconds(60)));
        RecordingRow found = catalog.find(id(2)).orElseThrow();
        assertThat(found.startedAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00.123Z"));
        assertThat(found.endedAt()).isEqualTo(Instant.parse("2025-03-01T09:01:00.123Z"));
    }

    @Test
    void create_duplicateId_isRefusedAndKeepsOriginal() throws CatalogException {
        RecordingRow original = fullRow(id(1));
        catalog.create(original, key("kek-1", 1));
        RecordingRow other = row(id(1), "+4930901820", "+4930901821", T0.plusSeconds(5), Map.of("x", "y"));
        assertThatThrownBy(() -> catalog.create(other, key("kek-2", 2)))
                .isInstanceOf(CatalogException.class)
                .isNotInstanceOf(RecordingNotFoundException.class)
                .hasMessageContaining(id(1).toString());
        assertThat(catalog.find(id(1))).contains(original);
        assertThat(catalog.dataKey(id(1))).isEqualTo(key("kek-1", 1));
    }

    @Test
    void create_rowNotInRecordingState_isRejected() {
        RecordingRow sealed = row(id(1), "+14155550123", "+14155550199", T0, Map.of()).withSeal(seal(T0));
        assertThatThrownBy(() -> catalog.create(sealed, key("kek-1", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seal_recording_storesFinalFacts() throws CatalogException {
        RecordingRow row = fullRow(id(1));
        catalog.create(row, key("kek-1", 1));
        Seal seal = new Seal(RecordingState.INTERRUPTED, T0.plusSeconds(61), 61_000, 976_000, 980_112,
                "ab".repeat(32), "writer crashed", "recordings/recovered/" + row.id() + ".cvr");
        catalog.seal(row.id(), seal);
        assertThat(catalog.find(row.id())).contains(row.withSeal(seal));
        assertThat(catalog.find(row.id()).orElseThrow().blobKey()).isEqualTo("recordings/recovered/" + row.id() + ".cvr");
    }

    @Test
    void seal_whenNotRecording_isRefused() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        catalog.seal(id(1), seal(T0.plusSeconds(30)));
        assertThatThrownBy(() -> catalog.seal(id(1), seal(T0.plusSeconds(90))))
                .isInstanceOf(CatalogException.class)
                .isNotInstanceOf(RecordingNotFoundException.class)
                .hasMessageContaining(id(1).toString());
        assertThat(catalog.find(id(1)).orElseThrow().endedAt()).isEqualTo(T0.plusSeconds(30));

        catalog.create(fullRow(id(2)), key("kek-1", 2));
        catalog.setState(id(2), RecordingState.BLOB_MISSING, "integrity check");
        assertThatThrownBy(() -> catalog.seal(id(2), seal(T0.plusSeconds(30))))
                .isInstanceOf(CatalogException.class)
                .isNotInstanceOf(RecordingNotFoundException.class);
        assertThat(catalog.find(id(2)).orElseThrow().state()).isEqualTo(RecordingState.BLOB_MISSING);
    }

    @Test
    void setState_changesStateAndReasonOnly() throws CatalogException {
        RecordingRow row = fullRow(id(1));
        catalog.create(row, key("kek-1", 1));
        catalog.seal(id(1), seal(T0.plusSeconds(30)));
        catalog.setState(id(1), RecordingState.BLOB_MISSING, "blob not found by integrity check");
        assertThat(catalog.find(id(1))).contains(row.withSeal(seal(T0.plusSeconds(30)))
                .withState(RecordingState.BLOB_MISSING, "blob not found by integrity check"));
    }

    @Test
    void unknownId_writesAndReads_throwNotFound() {
        RecordingId unknown = id(9);
        List<ThrowingCallable> calls = List.of(
                () -> catalog.seal(unknown, seal(T0)),
                () -> catalog.setState(unknown, RecordingState.SEALED, ""),
                () -> catalog.putTags(unknown, Map.of("a", "b")),
                () -> catalog.addSegment(unknown, new Segment(0, 1, SegmentKind.GAP, "")),
                () -> catalog.segments(unknown),
                () -> catalog.dataKey(unknown),
                () -> catalog.shred(unknown, "erasure", "dpo", T0));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(RecordingNotFoundException.class)
                    .satisfies(e -> assertThat(((RecordingNotFoundException) e).id()).isEqualTo(unknown));
        }
    }

    @Test
    void putTags_addsOverwritesAndRemovesWithEmptyValue() throws CatalogException {
        catalog.create(row(id(1), "+14155550123", "+14155550199", T0, Map.of("queue", "billing", "lang", "en")),
                key("kek-1", 1));
        catalog.putTags(id(1), Map.of("queue", "support", "outcome", "resolved", "lang", ""));
        assertThat(catalog.find(id(1)).orElseThrow().tags())
                .isEqualTo(Map.of("outcome", "resolved", "queue", "support"));
        catalog.putTags(id(1), Map.of("absent", ""));
        assertThat(catalog.find(id(1)).orElseThrow().tags()).hasSize(2);
    }

    @Test
    void segments_comeOrderedByStartThenEnd() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        assertThat(catalog.segments(id(1))).isEmpty();
        List<Segment> added = List.of(
                new Segment(5_000, 9_000, SegmentKind.PAUSED, "card payment"),
                new Segment(0, 4_000, SegmentKind.ANNOUNCEMENT, null),
                new Segment(5_000, 6_000, SegmentKind.MASKED, "DTMF"),
                new Segment(12_000, 12_500, SegmentKind.GAP, "no media"));
        for (Segment segment : added) {
            catalog.addSegment(id(1), segment);
        }
        assertThat(catalog.segments(id(1))).containsExactly(added.get(1), added.get(2), added.get(0), added.get(3));
    }

    @Test
    void dataKey_isTheKeyGivenAtCreate() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        catalog.create(fullRow(id(2)), key("kek-1", 2));
        assertThat(catalog.dataKey(id(1))).isEqualTo(key("kek-1", 1));
        assertThat(catalog.dataKey(id(2))).isEqualTo(key("kek-1", 2));
    }

    @Test
    void wrappedWith_listsOnlyKeysOfThatKek() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-old", 1));
        catalog.create(fullRow(id(2)), key("kek-new", 2));
        catalog.create(fullRow(id(3)), key("kek-old", 3));
        assertThat(catalog.wrappedWith("kek-old")).containsExactlyInAnyOrder(id(1), id(3));
        assertThat(catalog.wrappedWith("kek-unknown")).isEmpty();
    }

    @Test
    void rewrap_whenExpectedMatches_replacesKey() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-old", 1));
        assertThat(catalog.rewrap(id(1), key("kek-old", 1), key("kek-new", 7))).isTrue();
        assertThat(catalog.dataKey(id(1))).isEqualTo(key("kek-new", 7));
        assertThat(catalog.wrappedWith("kek-old")).isEmpty();
        assertThat(catalog.wrappedWith("kek-new")).containsExactly(id(1));
    }

    @Test
    void rewrap_whenExpectedDiffers_returnsFalseAndKeepsKey() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-old", 1));
        assertThat(catalog.rewrap(id(1), key("kek-old", 2), key("kek-new", 7))).isFalse();
        assertThat(catalog.rewrap(id(1), key("kek-other", 1), key("kek-new", 7))).isFalse();
        assertThat(catalog.dataKey(id(1))).isEqualTo(key("kek-old", 1));
    }

    @Test
    void rewrap_whenKeyIsGone_returnsFalse() throws CatalogException {
        assertThat(catalog.rewrap(id(1), key("kek-old", 1), key("kek-new", 7))).isFalse();
        catalog.create(fullRow(id(2)), key("kek-old", 2));
        catalog.shred(id(2), "erasure request", "dpo@example.com", T0);
        assertThat(catalog.rewrap(id(2), key("kek-old", 2), key("kek-new", 7))).isFalse();
        assertThat(catalog.wrappedWith("kek-new")).isEmpty();
    }

    @Test
    void shred_removesRecordingTagsSegmentsAndKey_andWritesTombstone() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        catalog.addSegment(id(1), new Segment(0, 10, SegmentKind.GAP, ""));
        catalog.create(fullRow(id(2)), key("kek-1", 2));
        catalog.addSegment(id(2), new Segment(0, 20, SegmentKind.GAP, ""));
        Instant at = T0.plus(Duration.ofDays(90));

        Tombstone tombstone = catalog.shred(id(1), "retention expired", "retention-job", at);

        assertThat(tombstone).isEqualTo(new Tombstone(id(1), at, "retention expired", "retention-job"));
        assertThat(catalog.tombstone(id(1))).contains(tombstone);
        assertThat(catalog.find(id(1))).isEmpty();
        assertThatThrownBy(() -> catalog.dataKey(id(1))).isInstanceOf(RecordingNotFoundException.class);
        assertThatThrownBy(() -> catalog.segments(id(1))).isInstanceOf(RecordingNotFoundException.class);
        assertThat(catalog.wrappedWith("kek-1")).containsExactly(id(2));
        assertThat(catalog.search(RecordingQuery.all().withTags(fullRow(id(1)).tags())))
                .extracting(RecordingRow::id).containsExactly(id(2));
        // The other recording is untouched.
        assertThat(catalog.find(id(2))).contains(fullRow(id(2)));
        assertThat(catalog.segments(id(2))).hasSize(1);
        assertThat(catalog.dataKey(id(2))).isEqualTo(key("kek-1", 2));
    }

    @Test
    void shred_twice_returnsFirstTombstone() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        Tombstone first = catalog.shred(id(1), "erasure request", "dpo@example.com", T0);
        Tombstone again = catalog.shred(id(1), "retention expired", "retention-job", T0.plusSeconds(3600));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void create_afterShred_isRefused() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        catalog.shred(id(1), "erasure request", "dpo@example.com", T0);
        assertThatThrownBy(() -> catalog.create(fullRow(id(1)), key("kek-1", 1)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(id(1).toString());
        assertThat(catalog.find(id(1))).isEmpty();
        assertThatThrownBy(() -> catalog.dataKey(id(1))).isInstanceOf(RecordingNotFoundException.class);
    }

    @Test
    void tombstone_ofLiveOrUnknownRecording_isEmpty() throws CatalogException {
        catalog.create(fullRow(id(1)), key("kek-1", 1));
        assertThat(catalog.tombstone(id(1))).isEmpty();
        assertThat(catalog.tombstone(id(2))).isEmpty();
    }

    @Test
    void settings_putGetAndOverwrite() throws CatalogException {
        assertThat(catalog.setting("keyring.fingerprint")).isEmpty();
        catalog.putSetting("keyring.fingerprint", "sha256:01ab");
        catalog.putSetting("keyring.fingerprint", "sha256:02cd");
        catalog.putSetting("schema.owner", "");
        assertThat(catalog.setting("keyring.fingerprint")).contains("sha256:02cd");
        assertThat(catalog.setting("schema.owner")).contains("");
    }

    @Test
    void describe_saysWhichCatalog() {
        assertThat(catalog.describe()).isNotBlank();
    }

    @Test
    void closedCatalog_failsWithCatalogException() throws CatalogException {
        catalog.close();
        assertThatThrownBy(() -> catalog.find(id(1))).isInstanceOf(CatalogException.class);
        catalog.close();
    }

    @Test
    void rowsFromManyIds_keepTheirOwnData() throws CatalogException {
        List<RecordingId> ids = IntStream.range(0, 20).mapToObj(CatalogFixtures::id).toList();
        for (RecordingId id : ids) {
            catalog.create(fullRow(id), new WrappedKey("kek-1", id.toString().getBytes()));
        }
        for (RecordingId id : ids) {
            assertThat(catalog.find(id)).contains(fullRow(id));
            assertThat(catalog.dataKey(id).ciphertext()).isEqualTo(id.toString().getBytes());
        }
    }

}
