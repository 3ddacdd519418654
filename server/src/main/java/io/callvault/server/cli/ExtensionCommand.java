package io.callvault.server.cli;

import io.callvault.server.Main.UsageException;
import io.callvault.server.Services;
import io.callvault.server.config.ServerConfig;
import io.callvault.server.directory.DigestCredentials;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.spi.Extension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extension", mixinStandardHelpOptions = true,
        description = "Manage the extensions (softphone accounts) that register with callvault. Changes apply "
                + "to a running server at once.",
        subcommands = {ExtensionCommand.Add.class, ExtensionCommand.ListCommand.class, ExtensionCommand.Remove.class})
public final class ExtensionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean stdin;
        @Option(names = "--generate-password", description = "Generate a strong password and print it once.")
        boolean generate;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an extension, or replace the one with the same number (e.g. to set a new password).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "NUMBER", description = "Extension number, 2-15 digits; also the SIP user name.")
        String number;
        @Option(names = "--name", paramLabel = "TEXT", description = "Display name.")
        String name;
        @Option(names = "--location", paramLabel = "CODE",
                description = "Where the user sits: ISO country, optionally with region, e.g. US-CA, GB, DE.")
        String location;
        @Option(names = "--flag", paramLabel = "FLAG", description = "Line flag such as pci or hipaa; repeat for more.")
        List<String> flags = new java.util.ArrayList<>();
        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource password;

        @Override
        public Integer call() throws Exception {
            if (location != null && !location.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
                throw new UsageException("--location must be an ISO country code, optionally with a region "
                        + "(US-CA, GB, DE), not '" + location + "'");
            }
            String secret = password.generate ? DigestCredentials.generatePassword() : readPassword();
            ServerConfig config = options.load();
            String realm = config.sip().realm();
            Extension e;
            try {
                DigestCredentials.checkPassword(secret);
                e = new Extension(number, name, realm, DigestCredentials.ha1("MD5", number, realm, secret),
                        DigestCredentials.ha1("SHA-256", number, realm, secret), location, Set.copyOf(new HashSet<>(flags)),
                        Instant.now());
            } catch (IllegalArgumentException ex) {
                throw new UsageException(ex.getMessage());
            }
            try (SqlCatalog catalog = Services.openCatalogOnly(config)) {
                catalog.directory().putExtension(e);
                CliAudit.record(catalog, "extension.put", number, "realm " + realm);
            }
            System.out.println("extension " + number + " saved (realm " + realm + ")");
            if (password.generate) {
                System.out.println("password: " + secret);
            }
            return 0;
        }

        private static String readPassword() throws java.io.IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UsageException("--password-stdin: nothing on stdin");
            }
            return line;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List extensions (never their passwords).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                System.out.printf("%-8s  %-24s  %-8s  %s%n", "NUMBER", "NAME", "LOCATION", "FLAGS");
                for (Extension e : catalog.directory().extensions()) {
                    System.out.printf("%-8s  %-24s  %-8s  %s%n", e.number(), e.displayName(), e.location(),
                            String.join(",", e.flags()));
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an extension.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "NUMBER")
        String number;

        @Override
        public Integer call() throws Exception {
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                boolean removed = catalog.directory().removeExtension(number);
                if (removed) {
                    CliAudit.record(catalog, "extension.remove", number, "");
                }
                if (!removed) {
                    throw new UsageException("no extension " + number);
                }
            }
            System.out.println("extension " + number + " removed");
            return 0;
        }
    }
}
