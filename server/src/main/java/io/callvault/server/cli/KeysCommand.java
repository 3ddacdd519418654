package io.callvault.server.cli;

import io.callvault.vault.KeyRotation;
import io.callvault.vault.Vault;
import io.callvault.vault.keys.KeyringBootstrap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the key-encryption keys.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Status.class, KeysCommand.NewMasterSecret.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = {
            "Make a new key-encryption key primary and re-wrap every recording's data key under it.",
            "Audio is not rewritten; recordings stay readable throughout. Safe to re-run after an interruption."})
    static final class Rotate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Vault vault = options.openVault()) {
                KeyRotation.Result r = new KeyRotation(vault).rotate();
                CliAudit.record(vault, "keys.rotate", r.newKekId(), r.rewrapped() + " data key(s) re-wrapped");
                System.out.println("new primary key " + r.newKekId() + "; " + r.rewrapped() + " data key(s) re-wrapped"
                        + (r.skipped() > 0 ? ", " + r.skipped() + " skipped (deleted meanwhile)" : ""));
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the keyring and how many data keys each KEK wraps.")
    static final class Status implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Vault vault = options.openVault()) {
                System.out.println(vault.keys().describe());
                String primary = vault.keys().primaryKekId();
                for (String kek : vault.keys().kekIds()) {
                    System.out.printf("  %-16s %s%d data key(s)%n", kek, kek.equals(primary) ? "primary, " : "",
                            vault.catalog().wrappedWith(kek).size());
                }
            }
            return 0;
        }
    }

    @Command(name = "new-master-secret", mixinStandardHelpOptions = true, description = {
            "Print a new random master secret (base64) for CALLVAULT_MASTER_KEY or a master key file.",
            "It only applies to a new keyring: an existing keyring keeps the secret it was created with."})
    static final class NewMasterSecret implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println(KeyringBootstrap.newSecretBase64());
            return 0;
        }
    }
}
