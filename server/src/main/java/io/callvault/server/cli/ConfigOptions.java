package io.callvault.server.cli;

import io.callvault.server.Logging;
import io.callvault.server.Platform;
import io.callvault.server.Services;
import io.callvault.server.config.ConfigException;
import io.callvault.server.config.RawConfig;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.Vault;
import io.callvault.vault.VaultException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The --config option every command takes, and the way commands load configuration and the vault. */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file overriding the defaults (see 'callvault config defaults').")
    Path file;

    ServerConfig load() throws ConfigException {
        ServerConfig config = ServerConfig.load(file, env());
        Logging.setLevel(config.logLevel());
        return config;
    }

    /** The vault under its governance rules; closing it closes everything. */
    Vault openVault() throws ConfigException, VaultException {
        return openPlatform().vault();
    }

    Platform openPlatform() throws ConfigException, VaultException {
        return Platform.open(load(), env());
    }

    /** The effective settings, secrets masked, for the API's configuration view. */
    Map<String, String> redacted() throws ConfigException {
        Map<String, String> out = new java.util.TreeMap<>();
        RawConfig.load(file, env()).masked().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
