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
import java.nio.file.Path;
import java.util.Optional;

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
     * The recording announcement: {@code announcement.file} when set, else the built-in prompt for
     * {@code announcement.language}.
     *
     * @throws ConfigException naming the key and what is wrong with the file (format, length) or language
     */
    public static Prompt prompt(ServerConfig config) throws ConfigException {
        Optional<Path> file = config.policy().announcementFile();
        if (file.isPresent()) {
            try {
                return Prompt.fromWav("file:" + file.get().getFileName(), java.nio.file.Files.readAllBytes(file.get()));
            } catch (IOException e) {
                throw new ConfigException("invalid setting announcement.file = '" + file.get() + "': cannot read it ("
                        + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid setting announcement.file = '" + file.get() + "': " + e.getMessage());
            }
        }
        String language = config.policy().announcementLanguage();
        try {
            return Prompt.builtIn(language);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid setting announcement.language = '" + language + "': there is no "
                    + "built-in announcement in that language (built in: en); record one and set announcement.file");
        }
    }
}
