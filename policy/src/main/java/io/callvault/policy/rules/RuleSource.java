package io.callvault.policy.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of one rule file and the name errors are reported under. Reading happens here, once, at start;
 * parsing and deciding never touch the file system.
 *
 * @param name shown in errors and decisions: the override's path as given, or {@value #BUILT_IN_NAME}
 * @param text the whole file, UTF-8 decoded
 */
public record RuleSource(String name, String text) {
    /** The name the shipped default rules are reported under. */
    public static final String BUILT_IN_NAME = "default-rules.conf";

    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** The default rules shipped in the policy jar. */
    public static RuleSource builtIn() {
        try (InputStream in = RuleSource.class.getResourceAsStream(BUILT_IN_NAME)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUILT_IN_NAME + " is missing from the policy jar");
            }
            return new RuleSource(BUILT_IN_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + BUILT_IN_NAME, e);
        }
    }

    /**
     * Reads an operator's rule file.
     *
     * @throws IOException naming the path when it cannot be read
     */
    public static RuleSource read(Path file) throws IOException {
        return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
