package io.callvault.server.cli;

import io.callvault.server.Main.UsageException;
import io.callvault.server.Services;
import io.callvault.server.sip.TrunkSecrets;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.Trunk;
import io.callvault.vault.spi.WrappedKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callvault trunk add|list|remove}: the upstream PBX or provider. The digest password is read from
 * stdin as bytes, wrapped by the keyring's KEK (see {@link TrunkSecrets}) and wiped; it is never printed.
 * Options checked here rather than by picocli ({@code --host}, {@code --country}, {@code --port}) so that
 * every bad value is one line and exit code 2.
 */
@Command(name = "trunk", mixinStandardHelpOptions = true,
        description = "Manage the SIP trunks (upstream PBX or provider) that carry calls to and from outside "
                + "numbers. Changes apply to a running server at once.",
        subcommands = {TrunkCommand.Add.class, TrunkCommand.ListCommand.class, TrunkCommand.Remove.class})
public final class TrunkCommand implements Runnable {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** A DNS name or IPv4 address; IPv6 literals are checked apart. */
    private static final String HOST_NAME = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?";
    /** Longest password accepted on stdin, in bytes. */
    private static final int MAX_PASSWORD = 512;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a trunk, or replace the whole trunk with the same name (give its password and "
                    + "DIDs again).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "NAME", description = "1-32 characters a-z 0-9 _ -, starting with a letter.")
        String name;
        @Option(names = "--host", paramLabel = "HOST", description = "Required: the trunk's SIP host name or IP "
                + "address; calls from it are accepted without a challenge.")
        String host;
        @Option(names = "--port", paramLabel = "PORT", defaultValue = "5060", description = "Default: ${DEFAULT-VALUE}.")
        String port;
        @Option(names = "--transport", paramLabel = "udp|tcp", defaultValue = "udp",
                description = "Default: ${DEFAULT-VALUE}.")
        String transport;
        @Option(names = "--country", paramLabel = "CC", description = "Required: ISO 3166 country code (US, GB, DE) "
                + "for national numbers dialled to the trunk.")
        String country;
        @Option(names = "--username", paramLabel = "USER", description = "Digest user name for the trunk's "
                + "challenges; needs --password-stdin.")
        String username;
        @Option(names = "--password-stdin", description = "Read the digest password from the first line of stdin.")
        boolean passwordStdin;
        @Option(names = "--did", paramLabel = "+E164=EXT", description = "A number of the trunk routed to an "
                + "extension, e.g. +442071838750=201; repeat for more.")
        List<String> dids = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Trunk draft = trunk(Optional.empty());
            if (username == null) {
                try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                    catalog.directory().putTrunk(draft);
                    CliAudit.record(catalog, "trunk.put", name, summary(draft) + ", no password");
                }
                System.out.println("trunk " + name + " saved (" + summary(draft) + ", no password)");
                return 0;
            }
            byte[] password = readPassword(System.in);
            try (Vault vault = options.openVault()) {
                WrappedKey wrapped;
                try {
                    wrapped = vault.keys().wrap(password, TrunkSecrets.associatedData(name));
                } finally {
                    Arrays.fill(password, (byte) 0);
                }
                Services.directory(vault).putTrunk(trunk(Optional.of(wrapped)));
                CliAudit.record(vault, "trunk.put", name, summary(draft) + ", password set");
            }
            System.out.println("trunk " + name + " saved (" + summary(draft) + ", user " + username + ", password set)");
            return 0;
        }

        private static String summary(Trunk t) {
            return t.transport() + ":" + t.host() + ":" + t.port() + ", " + t.country() + ", " + t.dids().size()
                    + " DIDs";
        }

        /** The trunk the options describe; every bad option is a UsageException naming it. */
        private Trunk trunk(Optional<WrappedKey> password) {
            if (host == null || !validHost(host)) {
                throw new UsageException(host == null ? "--host is required (the trunk's SIP host name or IP address)"
                        : "--host must be a host name or an IP address, not '" + host + "'");
            }
            if (country == null || !COUNTRIES.contains(country)) {
                throw new UsageException("--country must be an ISO 3166 code in capitals such as US, GB or DE, not '"
                        + country + "'");
            }
            if (!"udp".equals(transport) && !"tcp".equals(transport)) {
                throw new UsageException("--transport must be udp or tcp, not '" + transport + "'");
            }
            if ((username != null) != passwordStdin) {
                throw new UsageException("--username and --password-stdin go together: the trunk's digest "
                        + "challenge needs both");
            }
            if (username != null && !username.matches("[\\x21-\\x7e&&[^\"\\\\]]{1,64}")) {
                throw new UsageException("--username must be 1-64 printable characters without spaces, quotes or "
                        + "backslashes");
            }
            try {
                return new Trunk(name, host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                        port(), transport, country, Optional.ofNullable(username), password, dids(), Instant.now());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private int port() {
            try {
                int p = Integer.parseInt(port);
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--port must be a number from 1 to 65535, not '" + port + "'");
        }

        private Map<String, String> dids() {
            Map<String, String> map = new TreeMap<>();
            for (String did : dids) {
                int eq = did.indexOf('=');
                String number = eq < 0 ? did : did.substring(0, eq);
                String extension = eq < 0 ? "" : did.substring(eq + 1);
                if (!number.matches("\\+[1-9][0-9]{1,14}") || !extension.matches("[0-9]{2,15}")) {
                    throw new UsageException("--did must be an E.164 number, '=' and an extension number, such as "
                            + "+442071838750=201, not '" + did + "'");
                }
                if (map.put(number, extension) != null) {
                    throw new UsageException("--did: " + number + " is given twice");
                }
            }
            return map;
        }

        private static boolean validHost(String host) {
            String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (literal.contains(":")) {
                try {
                    return literal.matches("[0-9A-Fa-f:.]+") && InetAddress.ofLiteral(literal) != null;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            return host.length() <= 253 && host.matches(HOST_NAME);
        }

        /**
         * The first line of {@code in} as bytes, without its line end. The caller wipes the result; the
         * read buffer is wiped here. No String is made of it.
         */
        static byte[] readPassword(InputStream in) throws IOException {
            byte[] buffer = new byte[MAX_PASSWORD + 1];
            try {
                int n = 0;
                for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                    if (n == buffer.length) {
                        throw new UsageException("--password-stdin: the password is longer than " + MAX_PASSWORD
                                + " bytes");
                    }
                    buffer[n++] = (byte) b;
                }
                if (n > 0 && buffer[n - 1] == '\r') {
                    n--;
                }
                if (n == 0) {
                    throw new UsageException("--password-stdin: nothing on stdin (pipe the password in)");
                }
                for (int i = 0; i < n; i++) {
                    if ((buffer[i] & 0xff) < 0x20 || buffer[i] == 0x7f) {
                        throw new UsageException("--password-stdin: the password must not contain control characters");
                    }
                }
                return Arrays.copyOf(buffer, n);
            } finally {
                Arrays.fill(buffer, (byte) 0);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List trunks: host, port, DIDs and whether a password is set (never the password).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                String row = "%-12s  %-24s  %-5s  %-9s  %-7s  %-12s  %-8s  %s%n";
                System.out.printf(row, "NAME", "HOST", "PORT", "TRANSPORT", "COUNTRY", "USER", "PASSWORD", "DIDS");
                for (Trunk t : catalog.directory().trunks()) {
                    List<String> dids = t.dids().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
                    System.out.printf(row, t.name(), t.host(), t.port(), t.transport(), t.country(),
                            t.username().orElse("-"), t.password().isPresent() ? "set" : "none",
                            dids.isEmpty() ? "-" : String.join(",", dids));
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a trunk and its DIDs.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
                boolean removed = catalog.directory().removeTrunk(name);
                if (removed) {
                    CliAudit.record(catalog, "trunk.remove", name, "");
                }
                if (!removed) {
                    throw new UsageException("no trunk " + name);
                }
            }
            System.out.println("trunk " + name + " removed");
            return 0;
        }
    }
}
