package io.callvault.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration as strings, each with where it came from: the shipped defaults file, then an
 * operator file, then environment variables ({@code CALLVAULT_} + key in upper case, '.' as '_').
 * Only keys present in the defaults file exist; any other key in a file is an error.
 */
public final class RawConfig {
    public static final String DEFAULTS_RESOURCE = "/callvault-defaults.properties";
    static final Set<String> SECRET_KEYS = Set.of("catalog.password", "blobs.s3.secret_key");

    /** A value and its origin ("defaults", a file path, or an environment variable name). */
    public record Value(String value, String origin) {
    }

    private final Map<String, Value> values;

    private RawConfig(Map<String, Value> values) {
        this.values = values;
    }

    public static RawConfig load(Path file, Map<String, String> env) throws ConfigException {
        Map<String, Value> values = new TreeMap<>();
        Properties defaults = defaults();
        for (String k : defaults.stringPropertyNames()) {
            values.put(k, new Value(defaults.getProperty(k), "defaults"));
        }
        if (file != null) {
            Properties p = readFile(file);
            Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
            unknown.removeAll(values.keySet());
            if (!unknown.isEmpty()) {
                throw new ConfigException("unknown setting(s) " + unknown + " in " + file + "; known settings: "
                        + values.keySet() + " (see 'bin/callvault config defaults')");
            }
            for (String k : p.stringPropertyNames()) {
                values.put(k, new Value(p.getProperty(k).strip(), file.toString()));
            }
        }
        for (String k : Set.copyOf(values.keySet())) {
            String var = envName(k);
            String v = env.get(var);
            if (v != null) {
                values.put(k, new Value(v.strip(), var));
            }
        }
        return new RawConfig(values);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "CALLVAULT_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Value get(String key) {
        Value v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        return v;
    }

    /** Every setting, secrets masked, for 'config show'. */
    public Map<String, Value> masked() {
        Map<String, Value> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, SECRET_KEYS.contains(k) && !v.value().isEmpty()
                ? new Value("********", v.origin()) : v));
        return out;
    }

    public static String defaultsText() {
        try (InputStream in = RawConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the defaults file is missing from the build", e);
        }
    }

    private static Properties defaults() {
        Properties p = new Properties();
        try (Reader r = new java.io.StringReader(defaultsText())) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties trimmed = new Properties();
        p.forEach((k, v) -> trimmed.setProperty(((String) k).strip(), ((String) v).strip()));
        return trimmed;
    }

    private static Properties readFile(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a file");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return p;
    }
}
