package io.callvault.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The typed, validated configuration, one record per feature. Built once at start from {@link RawConfig};
 * immutable afterwards.
 */
public record ServerConfig(Path dataDir, Http http, Sip sip, Media media, Catalog catalog, Blobs blobs, Keys keys,
                           String logLevel, java.util.Optional<Path> provisioningFile, Api api, Jobs jobs,
                           Policy policy, Pci pci) {

    public record Http(String bind, int port) {
    }

    /** @param digestAlgorithms RFC 8760 algorithm tokens in challenge order, e.g. [MD5, SHA-256] */
    public record Sip(String bind, int port, String realm, java.util.List<String> digestAlgorithms,
                      java.time.Duration ringTimeout) {
    }

    public record Media(String bind, int portMin, int portMax) {
    }

    /** Empty url means the embedded SQLite catalog. */
    public record Catalog(String url, String user, String password) {
        public boolean embedded() {
            return url.isEmpty();
        }

        @Override
        public String toString() {
            return "Catalog[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
        }
    }

    public record Blobs(String store, Path fsDir, S3 s3) {
    }

    public record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                     boolean pathStyle, boolean createBucket) {
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                    + accessKey + ", secretKey=****, pathStyle=" + pathStyle + "]";
        }
    }

    /** API and console: cookie and body limits, sessions and login lockout. */
    public record Api(boolean secureCookies, int maxBodyBytes, long maxUploadBytes, java.time.Duration sessionTtl,
                      int lockoutAfterFailures, java.time.Duration lockoutBase, java.time.Duration lockoutMax) {
    }

    /** Retention and audit jobs. */
    public record Jobs(int defaultRetentionDays, java.time.Duration retentionEvery,
                       java.time.Duration checkpointEvery) {
    }

    /** Card payments: the delay line before encryption, how pauses sound, the longest pause before an alert. */
    public record Pci(java.time.Duration delay, boolean markerTone, java.time.Duration maxPause,
                      java.time.Duration resumeAfter, String maskTowardAgent,
                      java.util.Set<String> paymentNumbers, String featurePause, String featureResume) {
        /** Whether the agent must not hear the customer's keys on a call with these policy flags. */
        public boolean masksTowardAgent(boolean pciLine) {
            return maskTowardAgent.equals("always") || (maskTowardAgent.equals("pci_lines") && pciLine);
        }
    }

    public record Keys(Path keyringFile, Path masterKeyFile, boolean generateMasterKey) {
    }

    /**
     * The recording policy's settings (docs/policy-rules.md). The rule file is only checked to exist here;
     * its content is validated when the policy is loaded ({@code io.callvault.server.policy.Policies}).
     *
     * @param rulesFile            the operator's override of the built-in rules; empty for the built-in rules alone
     * @param blobStoreBaa         a HIPAA business associate agreement with the external blob store's provider is
     *                             on record
     * @param announcementLanguage the fallback language (BCP 47, e.g. en, de, en-GB): whose announcement plays when a
     *                             call's own language has no prompt and no announcement file is set
     */
    public record Policy(java.util.Optional<Path> rulesFile, boolean blobStoreBaa, String announcementLanguage,
                         java.util.Optional<Path> announcementFile) {
    }

    public static ServerConfig load(Path file, Map<String, String> env) throws ConfigException {
        return from(RawConfig.load(file, env));
    }

    public static ServerConfig from(RawConfig raw) throws ConfigException {
        Path dataDir = path(raw, "data_dir", null);
        Http http = new Http(nonEmpty(raw, "http.bind"), port(raw, "http.port"));
        Sip sip = new Sip(address(raw, "sip.bind"), port(raw, "sip.port"), realm(raw), digestAlgorithms(raw),
                java.time.Duration.ofSeconds(range(raw, "sip.ring_timeout_seconds", 5, 600)));
        int min = port(raw, "media.port_min");
        int max = port(raw, "media.port_max");
        if (min < 1024) {
            throw invalid(raw, "media.port_min", "a port from 1024 to 65534");
        }
        if (max <= min + 2) {
            throw invalid(raw, "media.port_max", "larger than media.port_min (" + min + ") by at least 3");
        }
        Media media = new Media(address(raw, "media.bind"), min, max);
        String url = raw.get("catalog.url").value();
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql://")) {
            throw invalid(raw, "catalog.url", "empty (embedded SQLite) or a PostgreSQL JDBC URL starting with "
                    + "jdbc:postgresql://");
        }
        Catalog catalog = new Catalog(url, raw.get("catalog.user").value(), raw.get("catalog.password").value());
        String store = oneOf(raw, "blobs.store", Set.of("fs", "s3"));
        S3 s3 = null;
        if (store.equals("s3")) {
            s3 = new S3(uri(raw, "blobs.s3.endpoint"), nonEmpty(raw, "blobs.s3.region"),
                    bucket(raw), nonEmpty(raw, "blobs.s3.access_key"), nonEmpty(raw, "blobs.s3.secret_key"),
                    bool(raw, "blobs.s3.path_style"), bool(raw, "blobs.s3.create_bucket"));
        }
        Blobs blobs = new Blobs(store, path(raw, "blobs.fs.dir", dataDir.resolve("blobs")), s3);
        Keys keys = new Keys(path(raw, "keys.keyring_file", dataDir.resolve("keyring.properties")),
                path(raw, "keys.master_key_file", dataDir.resolve("master.key")),
                bool(raw, "keys.generate_master_key"));
        String level = oneOf(raw, "log.level", Set.of("error", "warn", "info", "debug", "trace"));
        Path provisioning = raw.get("provisioning.file").value().isEmpty() ? null
                : path(raw, "provisioning.file", null);
        if (provisioning != null && !java.nio.file.Files.isRegularFile(provisioning)) {
            throw invalid(raw, "provisioning.file", "an existing file (" + provisioning + " is not one)");
        }
        return new ServerConfig(dataDir, http, sip, media, catalog, blobs, keys, level,
                java.util.Optional.ofNullable(provisioning), api(raw), jobs(raw), policy(raw), pci(raw));
    }

    private static Pci pci(RawConfig raw) throws ConfigException {
        java.util.Set<String> payment = new java.util.TreeSet<>();
        for (String n : raw.get("pci.payment_numbers").value().split(",")) {
            if (!n.isBlank()) {
                try {
                    payment.add(io.callvault.core.PhoneNumber.of(n.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw invalid(raw, "pci.payment_numbers", "comma-separated E.164 numbers or extensions ('"
                            + n.strip() + "' is neither)");
                }
            }
        }
        return new Pci(java.time.Duration.ofSeconds(range(raw, "pci.delay_seconds", 0, 30)),
                oneOf(raw, "pci.pause_fill", Set.of("silence", "marker_tone")).equals("marker_tone"),
                java.time.Duration.ofSeconds(range(raw, "pci.max_pause_seconds", 10, 7200)),
                java.time.Duration.ofMillis(range(raw, "pci.resume_after_ms", 100, 60_000)),
                oneOf(raw, "pci.mask_toward_agent", Set.of("pci_lines", "always", "never")), payment,
                featureCode(raw, "pci.feature_pause"), featureCode(raw, "pci.feature_resume"));
    }

    private static String featureCode(RawConfig raw, String key) throws ConfigException {
        String v = raw.get(key).value().strip();
        if (!v.isEmpty() && !v.matches("\\*[0-9#]")) {
            throw invalid(raw, key, "empty or a star and one digit or #, e.g. *1");
        }
        return v;
    }

    private static Policy policy(RawConfig raw) throws ConfigException {
        Path rules = raw.get("policy.rules_file").value().isEmpty() ? null : path(raw, "policy.rules_file", null);
        if (rules != null && !java.nio.file.Files.isRegularFile(rules)) {
            throw invalid(raw, "policy.rules_file", "empty (built-in rules only) or an existing rule file (" + rules
                    + " is not one)");
        }
        String language = raw.get("announcement.language").value();
        if (!language.matches("[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}))?")) {
            throw invalid(raw, "announcement.language", "a language tag (BCP 47) such as en, de or en-GB");
        }
        Path prompt = raw.get("announcement.file").value().isEmpty() ? null : path(raw, "announcement.file", null);
        if (prompt != null && !java.nio.file.Files.isRegularFile(prompt)) {
            throw invalid(raw, "announcement.file", "empty (the built-in prompt) or an existing WAV file (" + prompt
                    + " is not one)");
        }
        return new Policy(java.util.Optional.ofNullable(rules), bool(raw, "policy.blob_store_baa"), language,
                java.util.Optional.ofNullable(prompt));
    }

    private static Api api(RawConfig raw) throws ConfigException {
        int base = range(raw, "auth.lockout_seconds", 1, 86_400);
        int max = range(raw, "auth.lockout_max_seconds", 1, 86_400);
        if (max < base) {
            throw invalid(raw, "auth.lockout_max_seconds", "at least auth.lockout_seconds (" + base + ")");
        }
        return new Api(bool(raw, "http.secure_cookies"), range(raw, "http.max_body_kb", 1, 10_240) * 1024,
                range(raw, "http.max_upload_mb", 1, 1024) * 1024L * 1024L,
                java.time.Duration.ofMinutes(range(raw, "auth.session_ttl_minutes", 5, 10_080)),
                range(raw, "auth.lockout_after_failures", 1, 100), java.time.Duration.ofSeconds(base),
                java.time.Duration.ofSeconds(max));
    }

    private static Jobs jobs(RawConfig raw) throws ConfigException {
        return new Jobs(range(raw, "retention.default_days", 1, 36_500),
                java.time.Duration.ofMinutes(range(raw, "retention.run_every_minutes", 1, 10_080)),
                java.time.Duration.ofMinutes(range(raw, "audit.checkpoint_every_minutes", 1, 1440)));
    }

    private static ConfigException invalid(RawConfig raw, String key, String allowed) {
        RawConfig.Value v = raw.get(key);
        String shown = RawConfig.SECRET_KEYS.contains(key) ? "(hidden)" : "'" + v.value() + "'";
        return new ConfigException("invalid setting " + key + " = " + shown + " (from " + v.origin() + "): must be "
                + allowed);
    }

    private static String nonEmpty(RawConfig raw, String key) throws ConfigException {
        String v = raw.get(key).value();
        if (v.isEmpty()) {
            throw invalid(raw, key, "set (it is required here)");
        }
        return v;
    }

    private static int port(RawConfig raw, String key) throws ConfigException {
        try {
            int p = Integer.parseInt(raw.get(key).value());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(raw, key, "a port number from 1 to 65535");
    }

    private static int range(RawConfig raw, String key, int min, int max) throws ConfigException {
        try {
            int v = Integer.parseInt(raw.get(key).value());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(raw, key, "a whole number from " + min + " to " + max);
    }

    private static boolean bool(RawConfig raw, String key) throws ConfigException {
        return switch (raw.get(key).value().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(raw, key, "true or false");
        };
    }

    private static String oneOf(RawConfig raw, String key, Set<String> allowed) throws ConfigException {
        String v = raw.get(key).value().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw invalid(raw, key, "one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    private static Path path(RawConfig raw, String key, Path fallback) throws ConfigException {
        String v = raw.get(key).value();
        if (v.isEmpty()) {
            if (fallback == null) {
                throw invalid(raw, key, "a directory path");
            }
            return fallback;
        }
        try {
            return Path.of(v).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(raw, key, "a valid path (" + e.getReason() + ")");
        }
    }

    private static URI uri(RawConfig raw, String key) throws ConfigException {
        String v = nonEmpty(raw, key);
        try {
            URI u = URI.create(v);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(raw, key, "an http:// or https:// URL with a host");
    }

    private static String address(RawConfig raw, String key) throws ConfigException {
        String v = nonEmpty(raw, key);
        if (!v.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || v.equals("0.0.0.0")) {
            throw invalid(raw, key, "an IPv4 address of this machine that phones can reach (not 0.0.0.0)");
        }
        return v;
    }

    private static java.util.List<String> digestAlgorithms(RawConfig raw) throws ConfigException {
        java.util.List<String> list = java.util.Arrays.stream(raw.get("sip.digest_algorithms").value().split(","))
                .map(String::strip).map(a -> a.toUpperCase(Locale.ROOT)).toList();
        if (list.isEmpty() || list.stream().anyMatch(a -> !a.equals("MD5") && !a.equals("SHA-256"))
                || list.stream().distinct().count() != list.size()) {
            throw invalid(raw, "sip.digest_algorithms", "MD5 and/or SHA-256, comma-separated, each once");
        }
        return list;
    }

    private static String realm(RawConfig raw) throws ConfigException {
        String v = nonEmpty(raw, "sip.realm");
        if (!v.matches("[A-Za-z0-9.-]{1,64}")) {
            throw invalid(raw, "sip.realm", "1-64 characters of letters, digits, '.' and '-'");
        }
        return v;
    }

    private static String bucket(RawConfig raw) throws ConfigException {
        String v = nonEmpty(raw, "blobs.s3.bucket");
        if (!v.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw invalid(raw, "blobs.s3.bucket", "an S3 bucket name: 3-63 characters a-z 0-9 . -");
        }
        return v;
    }
}
