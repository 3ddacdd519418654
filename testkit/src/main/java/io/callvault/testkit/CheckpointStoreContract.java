package io.callvault.testkit;

import static io.callvault.testkit.GovernanceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.AuditCheckpoint;
import io.callvault.vault.spi.CheckpointStore;
import io.callvault.vault.spi.ConflictException;
import org.junit.jupiter.api.Test;

/**
 * The {@link CheckpointStore} contract: implement it in a test class whose {@link #checkpoints()} is a
 * fresh, empty store for each test.
 */
public interface CheckpointStoreContract {

    CheckpointStore checkpoints();

    static AuditCheckpoint checkpoint(long seq, String keyId) {
        return new AuditCheckpoint(seq, "%064x".formatted(seq), T0.plusSeconds(seq), keyId,
                "c2lnbmF0dXJl" + seq + "==");
    }

    @Test
    default void checkpoints_empty_listsNothing() throws Exception {
        assertThat(checkpoints().list()).isEmpty();
    }

    @Test
    default void addCheckpoints_thenListedBySeq_withEveryField() throws Exception {
        checkpoints().add(checkpoint(200, "key-a"));
        checkpoints().add(checkpoint(100, "key-a"));
        checkpoints().add(checkpoint(3_000_000_000L, "key-b"));
        assertThat(checkpoints().list()).containsExactly(checkpoint(100, "key-a"), checkpoint(200, "key-a"),
                checkpoint(3_000_000_000L, "key-b"));
    }

    @Test
    default void addCheckpoint_sameSeq_conflictsAndKeepsTheFirst() throws Exception {
        checkpoints().add(checkpoint(100, "key-a"));
        assertThatThrownBy(() -> checkpoints().add(checkpoint(100, "key-b"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("100");
        assertThat(checkpoints().list()).containsExactly(checkpoint(100, "key-a"));
    }
}
