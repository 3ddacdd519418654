package io.callvault.server.directory;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import io.callvault.vault.spi.KeyService;
import io.callvault.vault.spi.KeyServiceException;
import io.callvault.vault.spi.Trunk;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Extensions and trunks declared in a file (setting {@code provisioning.file}), for operators who keep
 * their phone plan in configuration management instead of typing CLI commands. The file is applied at
 * start and again whenever it changes while the server runs; every entry it names is added or updated,
 * entries it does not name are left alone (remove them with the CLI). Format, one setting per line:
 * <pre>
 *   extension.201.name = Alice
 *   extension.201.password = a-long-secret        # stored only as digest HA1 values
 *   extension.201.location = US-CA                # optional
 *   extension.201.flags = pci, hipaa              # optional
 *   trunk.provider.host = sip.provider.example
 *   trunk.provider.port = 5060                    # optional, default 5060
 *   trunk.provider.transport = udp                # optional, udp or tcp
 *   trunk.provider.country = GB
 *   trunk.provider.username = acct42              # optional, with password
 *   trunk.provider.password = ...                 # stored only wrapped by the keyring's KEK
 *   trunk.provider.dids = +442071838750=201, +442071838751=202
 * </pre>
 * A mistake stops the whole file from being applied, with a message naming the file, the key and what is
 * allowed; nothing of a bad file is half-applied.
 */
public final class Provisioning {
    private static final Set<String> EXTENSION_KEYS = Set.of("name", "password", "location", "flags");
    private static final Set<String> TRUNK_KEYS = Set.of("host", "port", "transport", "country", "username",
            "password", "dids");

    /** A provisioning file that cannot be applied; the message says where and why. */
    public static final class ProvisioningException extends Exception {
        public ProvisioningException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final String realm;

    public Provisioning(Path file, String realm) {
        this.file = file;
        this.realm = realm;
    }

    /** Applies the file; returns how many extensions and trunks it declared. */
    public String apply(Directory directory, KeyService keys) throws ProvisioningException {
        Map<String, Map<String, String>> extensions = new TreeMap<>();
        Map<String, Map<String, String>> trunks = new TreeMap<>();
        read(extensions, trunks);
        var parsedExtensions = new LinkedHashMap<String, Extension>();
        try {
            for (var e : extensions.entrySet()) {
                parsedExtensions.put(e.getKey(), extension(e.getKey(), e.getValue()));
            }
            var parsedTrunks = new LinkedHashMap<String, Trunk>();
            for (var t : trunks.entrySet()) {
                parsedTrunks.put(t.getKey(), trunk(t.getKey(), t.getValue(), keys));
            }
            for (Extension e : parsedExtensions.values()) {
                directory.putExtension(e);
            }
            for (Trunk t : parsedTrunks.values()) {
                directory.putTrunk(t);
            }
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(file + ": " + e.getMessage());
        } catch (CatalogException | KeyServiceException e) {
            throw new ProvisioningException("cannot apply " + file + ": " + e.getMessage());
        }
        return extensions.size() + " extension(s), " + trunks.size() + " trunk(s) from " + file;
    }

    private void read(Map<String, Map<String, String>> extensions, Map<String, Map<String, String>> trunks)
            throws ProvisioningException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvisioningException("cannot read provisioning file " + file + ": " + e.getMessage());
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String[] parts = key.split("\\.", 3);
            boolean ext = parts.length == 3 && parts[0].equals("extension") && EXTENSION_KEYS.contains(parts[2]);
            boolean trk = parts.length == 3 && parts[0].equals("trunk") && TRUNK_KEYS.contains(parts[2]);
            if (!ext && !trk) {
                throw new ProvisioningException(file + ": unknown setting '" + key + "'; expected extension.NUMBER."
                        + EXTENSION_KEYS + " or trunk.NAME." + TRUNK_KEYS);
            }
            (ext ? extensions : trunks).computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2],
                    p.getProperty(key).strip());
        }
    }

    private Extension extension(String number, Map<String, String> props) {
        String password = props.get("password");
        if (password == null) {
            throw new IllegalArgumentException("extension." + number + ".password is missing");
        }
        try {
            DigestCredentials.checkPassword(password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("extension." + number + ".password: " + e.getMessage());
        }
        Set<String> flags = Arrays.stream(props.getOrDefault("flags", "").split(",")).map(String::strip)
                .filter(f -> !f.isEmpty()).collect(Collectors.toSet());
        return new Extension(number, props.get("name"), realm, DigestCredentials.ha1("MD5", number, realm, password),
                DigestCredentials.ha1("SHA-256", number, realm, password), props.get("location"), flags, Instant.now());
    }

    private static Trunk trunk(String name, Map<String, String> props, KeyService keys) throws KeyServiceException {
        String host = props.get("host");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("trunk." + name + ".host is missing");
        }
        int port;
        try {
            port = Integer.parseInt(props.getOrDefault("port", "5060"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("trunk." + name + ".port must be a number 1-65535");
        }
        Optional<String> username = Optional.ofNullable(props.get("username")).filter(u -> !u.isBlank());
        String password = props.get("password");
        if (username.isPresent() != (password != null)) {
            throw new IllegalArgumentException("trunk." + name + ": give username and password together");
        }
        Map<String, String> dids = new TreeMap<>();
        for (String pair : props.getOrDefault("dids", "").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("trunk." + name + ".dids: expected +E164=EXTENSION, not '"
                        + pair.strip() + "'");
            }
            dids.put(kv[0].strip(), kv[1].strip());
        }
        var wrapped = password == null ? Optional.<io.callvault.vault.spi.WrappedKey>empty()
                : Optional.of(keys.wrap(password.getBytes(StandardCharsets.UTF_8),
                        io.callvault.server.sip.TrunkSecrets.associatedData(name)));
        return new Trunk(name, host, port, props.getOrDefault("transport", "udp"), props.get("country"), username,
                wrapped, dids, Instant.now());
    }
}
