package io.callvault.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.sip.TrunkSecrets;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.Trunk;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callvault trunk} end to end, in-process, on embedded defaults in a temp data directory. */
class TrunkCliTest {
    private static final String PASSWORD = "Trunk-Secret-9f3Kq7Zx";

    @TempDir
    Path dir;
    Path config;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("callvault.properties");
        Files.writeString(config, "data_dir = " + data + "\n");
    }

    Cli.Result run(String... args) {
        return new Cli(config).run(args);
    }

    /** Runs the CLI with {@code stdin} as System.in. */
    Cli.Result runWithStdin(String stdin, String... args) {
        InputStream in = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(in);
        }
    }

    private Cli.Result addProvider() {
        return runWithStdin(PASSWORD + "\n", "trunk", "add", "provider", "--host", "sip.provider.example",
                "--port", "5080", "--transport", "tcp", "--country", "GB", "--username", "acct42", "--password-stdin",
                "--did", "+442071838750=201", "--did", "+442071838751=202");
    }

    private Vault openVault() throws Exception {
        return Services.openVault(ServerConfig.load(config, Map.of()), Map.of());
    }

    @Test
    void addWithPasswordFromStdin_listShowsItIsSetButNeverThePassword() {
        Cli.Result add = addProvider();
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("trunk provider saved").doesNotContain(PASSWORD);

        Cli.Result list = run("trunk", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        String row = list.out().lines().filter(l -> l.startsWith("provider")).findFirst().orElseThrow();
        assertThat(row).contains("sip.provider.example").contains("5080").contains("tcp").contains("GB")
                .contains("acct42").contains(" set ").contains("+442071838750=201,+442071838751=202");
        assertThat(list.out() + list.err()).doesNotContain(PASSWORD);
    }

    @Test
    void storedPassword_unwrapsToTheOriginal_onlyUnderItsOwnTrunkName() throws Exception {
        assertThat(addProvider().exit()).isZero();
        try (Vault vault = openVault()) {
            Trunk t = Services.directory(vault).trunks().getFirst();
            assertThat(t.username()).contains("acct42");
            assertThat(t.dids()).isEqualTo(Map.of("+442071838750", "201", "+442071838751", "202"));
            assertThat(TrunkSecrets.password(vault.keys(), t)).isEqualTo(PASSWORD);

            Trunk moved = new Trunk("other", t.host(), t.port(), t.transport(), t.country(), t.username(),
                    t.password(), t.dids(), t.updatedAt());
            assertThatThrownBy(() -> TrunkSecrets.password(vault.keys(), moved))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("trunk other");
        }
    }

    @Test
    void addWithoutCredentials_storesNoPassword() {
        Cli.Result add = run("trunk", "add", "pbx", "--host", "192.0.2.10", "--country", "US");
        assertThat(add.exit()).as(add.err()).isZero();
        String row = run("trunk", "list").out().lines().filter(l -> l.startsWith("pbx")).findFirst().orElseThrow();
        assertThat(row).contains("192.0.2.10").contains("5060").contains("udp").contains("none");
    }

    @Test
    void badInput_exitsTwoWithOneLine() {
        List<String[]> cases = List.of(
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "GB", "--did", "442071838750=201"},
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "GB", "--did", "+442071838750"},
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "UK"},
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "gb"},
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "GB", "--transport", "tls"},
                new String[] {"trunk", "add", "p", "--country", "GB"},
                new String[] {"trunk", "add", "p", "--host", "bad host", "--country", "GB"},
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "GB", "--port", "70000"},
                new String[] {"trunk", "add", "Bad", "--host", "h.example", "--country", "GB"},
                new String[] {"trunk", "add", "p", "--host", "h.example", "--country", "GB", "--username", "u"});
        for (String[] args : cases) {
            Cli.Result r = run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1).allMatch(l -> l.startsWith("callvault: "));
        }
        Cli.Result noPassword = runWithStdin("", "trunk", "add", "p", "--host", "h.example", "--country", "GB",
                "--username", "u", "--password-stdin");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("nothing on stdin");
        assertThat(run("trunk", "list").out().lines()).hasSize(1);
    }

    @Test
    void remove_deletesTheTrunk_andASecondRemoveExitsTwo() {
        assertThat(addProvider().exit()).isZero();
        Cli.Result remove = run("trunk", "remove", "provider");
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(run("trunk", "list").out()).doesNotContain("provider");
        Cli.Result again = run("trunk", "remove", "provider");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err().lines()).containsExactly("callvault: no trunk provider");
    }

    @Test
    void password_isInNoFileUnderTheDataDirectoryInClear() throws Exception {
        assertThat(addProvider().exit()).isZero();
        assertThat(data.resolve("catalog.db")).exists();
        byte[] needle = PASSWORD.getBytes(UTF_8);
        // catalog.db, catalog.db-wal if SQLite left one, the keyring and everything else.
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(f), needle)).as(f.toString()).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
