package io.callvault.vault.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An upstream SIP trunk or PBX: where calls to outside numbers go, and where calls from outside come from.
 *
 * <p>Calls from the trunk are recognised by their source address ({@code host}:{@code port}) and are not
 * challenged (IP-authenticated trunk); they are routed by the dialled number (DID) to an extension
 * through {@code dids}. Calls from extensions to non-extension numbers are normalised to E.164 (using
 * {@code country} for national numbers) and sent to the trunk, answering its digest challenge with
 * {@code username} and the password, which is stored only wrapped by the keyring's KEK.
 *
 * @param transport  "udp" or "tcp"
 * @param country    ISO 3166 code of the trunk's country, for national numbers (e.g. "US", "GB")
 * @param dids       E.164 number → extension number
 * @param password   the digest password, encrypted (associated data: "callvault trunk " + name)
 */
public record Trunk(String name, String host, int port, String transport, String country, Optional<String> username,
                    Optional<WrappedKey> password, Map<String, String> dids, Instant updatedAt) {
    public Trunk {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("trunk name must be 1-32 characters a-z 0-9 _ -, starting with a letter: '"
                    + name + "'");
        }
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("trunk port must be 1..65535, not " + port);
        }
        if (!"udp".equals(transport) && !"tcp".equals(transport)) {
            throw new IllegalArgumentException("trunk transport must be udp or tcp, not '" + transport + "'");
        }
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("trunk country must be an ISO 3166 code such as US or GB, not '"
                    + country + "'");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        dids = java.util.Collections.unmodifiableMap(new TreeMap<>(dids == null ? Map.of() : dids));
        for (var e : dids.entrySet()) {
            if (!e.getKey().matches("\\+[1-9][0-9]{1,14}") || !e.getValue().matches("[0-9]{2,15}")) {
                throw new IllegalArgumentException("a DID maps an E.164 number to an extension number, not "
                        + e.getKey() + " -> " + e.getValue());
            }
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "Trunk[" + name + " " + transport + ":" + host + ":" + port + ", " + dids.size() + " DIDs"
                + username.map(u -> ", user " + u).orElse("") + "]";
    }
}
