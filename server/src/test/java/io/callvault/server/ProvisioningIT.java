package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.sip.TrunkSecrets;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.Extension;
import io.callvault.vault.spi.Trunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extensions and trunks declared in the provisioning file reach the running server, edits included. */
class ProvisioningIT {
    @TempDir
    Path dir;

    @Test
    void provisioningFile_isAppliedAtStart_andAgainWhenEdited_andABadEditKeepsTheServerUp() throws Exception {
        Path plan = dir.resolve("phones.properties");
        Files.writeString(plan, """
                extension.301.name = Carol
                extension.301.password = carol-secret-301
                extension.301.location = GB
                extension.301.flags = pci
                trunk.provider.host = 127.0.0.1
                trunk.provider.port = 5999
                trunk.provider.country = GB
                trunk.provider.username = acct42
                trunk.provider.password = trunk-secret-42
                trunk.provider.dids = +442071838750=301
                """);
        Path config = config(plan);
        try (ServerProcess server = ServerProcess.start(Map.of(), Main.class.getName(), "serve", "--config",
                config.toString())) {
            await(server, "callvault serving", 60);
            assertThat(server.output()).contains("1 extension(s), 1 trunk(s)");
            Extension carol = extension("301", config).orElseThrow();
            assertThat(carol.displayName()).isEqualTo("Carol");
            assertThat(carol.flags()).containsExactly("pci");

            Files.writeString(plan, Files.readString(plan).replace("Carol", "Caroline")
                    + "extension.302.name = Dave\nextension.302.password = dave-secret-302\n");
            Files.setLastModifiedTime(plan, FileTime.from(Instant.now().plusSeconds(5)));
            await(server, "2 extension(s), 1 trunk(s)", 20);
            assertThat(extension("301", config).orElseThrow().displayName()).isEqualTo("Caroline");
            assertThat(extension("302", config)).isPresent();

            Files.writeString(plan, "extension.303.colour = blue\n");
            Files.setLastModifiedTime(plan, FileTime.from(Instant.now().plusSeconds(10)));
            await(server, "unknown setting 'extension.303.colour'", 20);
            assertThat(server.process.isAlive()).isTrue();
            assertThat(extension("303", config)).isEmpty();
        }
        try (Vault vault = Services.openVault(ServerConfig.load(config, Map.of()), Map.of())) {
            Trunk trunk = Services.directory(vault).trunks().getFirst();
            assertThat(trunk.dids()).containsEntry("+442071838750", "301");
            assertThat(TrunkSecrets.password(vault.keys(), trunk)).isEqualTo("trunk-secret-42");
        }
    }

    @Test
    void badProvisioningFile_stopsTheStart_namingTheKey() throws Exception {
        Path plan = dir.resolve("phones.properties");
        Files.writeString(plan, "extension.301.password = short\n");
        try (ServerProcess server = ServerProcess.start(Map.of(), Main.class.getName(), "serve", "--config",
                config(plan).toString())) {
            assertThat(server.awaitExit(60)).isNotZero();
            assertThat(server.output()).contains("extension.301.password").contains("at least 12 characters");
        }
    }

    private Path config(Path plan) throws Exception {
        Path config = dir.resolve("callvault.properties");
        Files.writeString(config, String.join("\n", "data_dir = " + dir.resolve("data"),
                "http.port = " + ServeIT.stablePort(), "sip.port = " + ServeIT.stablePort(),
                "provisioning.file = " + plan, ""));
        return config;
    }

    private static java.util.Optional<Extension> extension(String number, Path config) throws Exception {
        try (var catalog = Services.openCatalogOnly(ServerConfig.load(config, Map.of()))) {
            return catalog.directory().extension(number);
        }
    }

    private static void await(ServerProcess p, String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (p.output().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' not logged within " + seconds + " s:\n" + p.output());
    }
}
