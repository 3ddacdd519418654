package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import io.callvault.vault.spi.Trunk;
import io.callvault.vault.spi.WrappedKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link Directory} contract; subclass once per implementation. */
public abstract class DirectoryContract {
    protected Directory directory;

    /** A fresh, empty directory for each test. */
    protected abstract Directory newDirectory() throws Exception;

    @BeforeEach
    void setUpDirectory() throws Exception {
        directory = newDirectory();
    }

    public static Extension extension(String number, String location, Set<String> flags) {
        return new Extension(number, "Agent " + number, "callvault", "a".repeat(32), "b".repeat(64), location, flags,
                Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void putThenGet_returnsEveryField() throws Exception {
        Extension e = extension("201", "US-CA", Set.of("pci", "hipaa"));
        directory.putExtension(e);
        assertThat(directory.extension("201")).contains(e);
        assertThat(directory.extension("202")).isEmpty();
    }

    @Test
    void put_replacesTheExtensionWithTheSameNumber() throws Exception {
        directory.putExtension(extension("201", "US-CA", Set.of()));
        Extension moved = extension("201", "DE", Set.of("pci"));
        directory.putExtension(moved);
        assertThat(directory.extensions()).containsExactly(moved);
    }

    @Test
    void extensions_areOrderedByNumber() throws Exception {
        directory.putExtension(extension("305", "GB", Set.of()));
        directory.putExtension(extension("201", "GB", Set.of()));
        directory.putExtension(extension("250", "GB", Set.of()));
        assertThat(directory.extensions()).extracting(Extension::number).containsExactly("201", "250", "305");
    }

    @Test
    void remove_deletesAndReportsWhetherItExisted() throws Exception {
        directory.putExtension(extension("201", "GB", Set.of()));
        assertThat(directory.removeExtension("201")).isTrue();
        assertThat(directory.removeExtension("201")).isFalse();
        assertThat(directory.extensions()).isEmpty();
    }

    @Test
    void emptyFlagsAndLocation_roundTrip() throws Exception {
        Extension bare = extension("99", "", Set.of());
        directory.putExtension(bare);
        assertThat(directory.extension("99")).contains(bare);
    }

    /** A trunk with a user name, a wrapped password (bytes across the whole range) and two DIDs. */
    public static Trunk trunk(String name) {
        byte[] wrapped = new byte[64];
        for (int i = 0; i < wrapped.length; i++) {
            wrapped[i] = (byte) (i * 37 - 128);
        }
        return new Trunk(name, "sip.provider.example", 5080, "tcp", "GB", Optional.of("acct-" + name),
                Optional.of(new WrappedKey("kek-1", wrapped)),
                Map.of("+442071838750", "201", "+442071838751", "202"), Instant.parse("2026-11-30T10:00:00.123Z"));
    }

    @Test
    void putTrunk_thenListed_withEveryField() throws Exception {
        Trunk t = trunk("provider");
        directory.putTrunk(t);
        Trunk back = directory.trunks().getFirst();
        assertThat(back).isEqualTo(t);
        assertThat(back.password().orElseThrow().ciphertext()).isEqualTo(t.password().orElseThrow().ciphertext());
        assertThat(back.dids()).containsExactlyEntriesOf(t.dids());
        assertThat(directory.trunks()).hasSize(1);
    }

    @Test
    void trunkWithoutUserPasswordOrDids_roundTrips() throws Exception {
        Trunk bare = new Trunk("pbx", "192.0.2.10", 5060, "udp", "US", Optional.empty(), Optional.empty(), Map.of(),
                Instant.parse("2026-11-30T10:00:00Z"));
        directory.putTrunk(bare);
        assertThat(directory.trunks()).containsExactly(bare);
    }

    @Test
    void putTrunk_replacesTheOneWithTheSameName_droppingOldDidsAndPassword() throws Exception {
        directory.putTrunk(trunk("provider"));
        Trunk replaced = new Trunk("provider", "sip2.provider.example", 5060, "udp", "DE", Optional.empty(),
                Optional.empty(), Map.of("+4930123456", "305"), Instant.parse("2026-12-01T08:00:00Z"));
        directory.putTrunk(replaced);
        assertThat(directory.trunks()).containsExactly(replaced);
    }

    @Test
    void trunks_areOrderedByNameInStringOrder() throws Exception {
        for (String name : new String[] {"b", "ab", "a_b", "a-z", "a0"}) {
            directory.putTrunk(trunk(name));
        }
        // '-' < digits < '_' < letters, whatever the database's collation.
        assertThat(directory.trunks()).extracting(Trunk::name).containsExactly("a-z", "a0", "a_b", "ab", "b");
    }

    @Test
    void removeTrunk_deletesItAndItsDids_andReportsWhetherItExisted() throws Exception {
        directory.putTrunk(trunk("provider"));
        directory.putTrunk(trunk("backup"));
        assertThat(directory.removeTrunk("provider")).isTrue();
        assertThat(directory.removeTrunk("provider")).isFalse();
        assertThat(directory.trunks()).containsExactly(trunk("backup"));
        Trunk again = new Trunk("provider", "h", 5060, "udp", "GB", Optional.empty(), Optional.empty(), Map.of(),
                Instant.parse("2026-11-30T10:00:00Z"));
        directory.putTrunk(again);
        assertThat(directory.trunks()).containsExactly(trunk("backup"), again);
    }

    @Test
    void trunksAndExtensions_areIndependent() throws Exception {
        directory.putExtension(extension("201", "GB", Set.of()));
        directory.putTrunk(trunk("provider"));
        assertThat(directory.removeTrunk("201")).isFalse();
        assertThat(directory.removeExtension("provider")).isFalse();
        assertThat(directory.extensions()).hasSize(1);
        assertThat(directory.trunks()).hasSize(1);
    }
}
