package io.callvault.server.policy;

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
}
