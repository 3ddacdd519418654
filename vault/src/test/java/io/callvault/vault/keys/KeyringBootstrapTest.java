package io.callvault.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.KeyServiceException;
import io.callvault.vault.spi.WrappedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringBootstrapTest {
    @TempDir
    Path dir;

    private KeyringBootstrap boot(String env) {
        return new KeyringBootstrap(dir.resolve("keyring.properties"), env, dir.resolve("master.key"), true);
    }

    @Test
    void firstStart_generatesOwnerOnlyMasterKeyAndKeyring_secondStartOpensThem() throws Exception {
        LocalKeyring first = boot(null).openOrCreate(Optional.empty());
        assertThat(perms(dir.resolve("master.key"))).isEqualTo("rw-------");
        assertThat(perms(dir.resolve("keyring.properties"))).isEqualTo("rw-------");
        WrappedKey wrapped = first.wrap(new byte[32], "aad".getBytes());

        LocalKeyring second = boot(null).openOrCreate(Optional.of(first.keyringId()));
        assertThat(second.keyringId()).isEqualTo(first.keyringId());
        assertThat(second.unwrap(wrapped, "aad".getBytes())).isEqualTo(new byte[32]);
    }

    @Test
    void wrongMasterSecret_failsSayingSo_andLeavesTheKeyringAlone() throws Exception {
        boot(null).openOrCreate(Optional.empty());
        byte[] before = Files.readAllBytes(dir.resolve("keyring.properties"));
        String other = KeyringBootstrap.newSecretBase64();
        assertThatThrownBy(() -> boot(other).openOrCreate(Optional.empty())).isInstanceOf(KeyServiceException.class)
                .hasMessageContaining("CALLVAULT_MASTER_KEY does not open keyring")
                .hasMessageContaining("not the secret this keyring was created with");
        assertThat(Files.readAllBytes(dir.resolve("keyring.properties"))).isEqualTo(before);
    }

    @Test
    void missingMasterSecret_failsSayingSo_andNeverCreatesASecondKeyring() throws Exception {
        boot(null).openOrCreate(Optional.empty());
        byte[] before = Files.readAllBytes(dir.resolve("keyring.properties"));
        Files.delete(dir.resolve("master.key"));
        assertThatThrownBy(() -> boot(null).openOrCreate(Optional.empty())).isInstanceOf(KeyServiceException.class)
                .hasMessageContaining("exists, but no master secret was given")
                .hasMessageContaining("CALLVAULT_MASTER_KEY");
        assertThat(Files.readAllBytes(dir.resolve("keyring.properties"))).isEqualTo(before);
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void missingKeyringThatTheCatalogRemembers_failsInsteadOfCreatingANewOne() throws Exception {
        LocalKeyring ring = boot(null).openOrCreate(Optional.empty());
        Files.delete(dir.resolve("keyring.properties"));
        assertThatThrownBy(() -> boot(null).openOrCreate(Optional.of(ring.keyringId())))
                .hasMessageContaining("is missing").hasMessageContaining("Restore the keyring file from backup");
        assertThat(dir.resolve("keyring.properties")).doesNotExist();
    }

    @Test
    void malformedEnvironmentSecret_isExplained() {
        assertThatThrownBy(() -> boot("c2hvcnQ=").openOrCreate(Optional.empty()))
                .hasMessageContaining("CALLVAULT_MASTER_KEY is 5 bytes").hasMessageContaining("44 characters");
        assertThatThrownBy(() -> boot("not base64!").openOrCreate(Optional.empty()))
                .hasMessageContaining("is not base64");
    }

    @Test
    void secretFromEnvironment_isUsedAndNoKeyFileIsWritten() throws Exception {
        String secret = KeyringBootstrap.newSecretBase64();
        LocalKeyring ring = boot(secret).openOrCreate(Optional.empty());
        assertThat(dir.resolve("master.key")).doesNotExist();
        assertThat(boot(secret).openOrCreate(Optional.of(ring.keyringId())).keyringId()).isEqualTo(ring.keyringId());
    }

    @Test
    void damagedKeyring_isReportedAsDamaged() throws Exception {
        boot(null).openOrCreate(Optional.empty());
        Path file = dir.resolve("keyring.properties");
        String text = Files.readString(file);
        int i = text.indexOf("keyset=") + 20;
        Files.writeString(file, text.substring(0, i) + (text.charAt(i) == 'A' ? 'B' : 'A') + text.substring(i + 1));
        assertThatThrownBy(() -> boot(null).openOrCreate(Optional.empty())).hasMessageContaining("is damaged");
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
