package io.callvault.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import java.time.Instant;
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
}
