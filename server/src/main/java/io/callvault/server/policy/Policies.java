package io.callvault.server.policy;

import io.callvault.media.announce.Prompt;
import io.callvault.policy.Policy;
import io.callvault.policy.jurisdiction.JurisdictionResolver;
import io.callvault.policy.rules.RuleFileException;
import io.callvault.policy.rules.RuleSet;
import io.callvault.policy.rules.RulesLoader;
import io.callvault.server.config.ConfigException;
import io.callvault.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the recording policy the configuration names: the built-in rules, with the operator's
 * {@code policy.rules_file} applied on top when one is set. Rule files are read once, here; the returned
 * {@link Policy} does no I/O and is immutable and thread-safe.
 */
public final class Policies {
    private Policies() {
    }

    /**
     * The policy for {@code config}.
     *
     * @throws ConfigException listing every problem of the rule files as {@code file:line: reason}, or naming
     *                         the override file when it cannot be read
     */
    public static Policy load(ServerConfig config) throws ConfigException {
        return new Policy(rules(config.policy().rulesFile()), JurisdictionResolver.builtIn());
    }

    /**
     * The built-in rules with {@code override} applied, if present.
     *
     * @throws ConfigException as {@link #load}
     */
    public static RuleSet rules(Optional<Path> override) throws ConfigException {
        if (override.isEmpty()) {
            return RulesLoader.builtIn();
        }
        try {
            return RulesLoader.builtInWithOverride(override.get());
        } catch (RuleFileException e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read the policy rule file " + override.get() + " (" + e
                    + "); check that the file exists and this user may read it");
        }
    }

    /**
     * The recording announcements: the built-in prompts, those operators uploaded under
     * {@code <data_dir>/prompts}, and {@code announcement.file} (validated here, so a bad one stops the start),
     * with {@code announcement.language} as the fallback language and the rules' languages listed.
     *
     * @throws ConfigException naming the key and what is wrong with the file (format, length) or language, or
     *                         the prompts directory when it cannot be read
     */
    public static Prompts prompts(ServerConfig config, RuleSet rules) throws ConfigException {
        Optional<Path> path = config.policy().announcementFile();
        Optional<Prompt> file = Optional.empty();
        if (path.isPresent()) {
            try {
                file = Optional.of(Prompt.fromWav("file:" + path.get().getFileName(), Files.readAllBytes(path.get())));
            } catch (IOException e) {
                throw new ConfigException("invalid setting announcement.file = '" + path.get() + "': cannot read it ("
                        + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid setting announcement.file = '" + path.get() + "': " + e.getMessage());
            }
        }
        String language = config.policy().announcementLanguage();
        Set<String> languages = new LinkedHashSet<>(rules.languages().values());
        languages.add(rules.defaultLanguage());
        Path directory = promptsDirectory(config);
        try {
            return Prompts.open(directory, file, language, languages);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid setting announcement.language = '" + language + "': " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read the uploaded announcements in " + directory + " (" + e
                    + "); check that this user owns the data directory");
        }
    }

    /** Where uploaded announcements are stored: {@code <data_dir>/prompts}. */
    public static Path promptsDirectory(ServerConfig config) {
        return config.dataDir().resolve("prompts");
    }
}
