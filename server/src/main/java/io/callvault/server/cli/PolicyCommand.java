package io.callvault.server.cli;

import io.callvault.api.policy.CallSetup;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.CallContext;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.policy.RecordPreference;
import io.callvault.policy.rules.LineFlag;
import io.callvault.policy.rules.RuleSet;
import io.callvault.policy.rules.RuleSource;
import io.callvault.server.Main.UsageException;
import io.callvault.server.Services;
import io.callvault.server.config.ServerConfig;
import io.callvault.server.policy.CallContexts;
import io.callvault.server.policy.DecisionJson;
import io.callvault.server.policy.Policies;
import io.callvault.store.sql.SqlCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "The recording policy (docs/policy-rules.md): check the rule files, explain a decision.",
        subcommands = {PolicyCommand.Explain.class, PolicyCommand.Check.class})
public final class PolicyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = {
            "What the recording policy decides for a call between two parties, with every reason; no call is placed.",
            "Extensions get the location and line flags the directory gives them, as in a live call."})
    static final class Explain implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--caller", required = true, paramLabel = "NUMBER",
                description = "E.164 number (+14155550123) or extension of the calling party.")
        String caller;
        @Option(names = "--callee", required = true, paramLabel = "NUMBER",
                description = "E.164 number or extension of the party called.")
        String callee;
        @Option(names = "--direction", paramLabel = "in|out|internal",
                description = "Default: internal between extensions, out from an extension, otherwise in.")
        String direction;
        @Option(names = "--line-flag", paramLabel = "FLAG",
                description = "hipaa or pci, added to the line flags; repeat for more.")
        List<String> lineFlags = new ArrayList<>();
        @Option(names = "--json", description = "Print the decision as JSON (the form stored with recordings).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PhoneNumber from = Inputs.number(caller, "--caller");
            PhoneNumber to = Inputs.number(callee, "--callee");
            Direction dir = direction == null ? CallSetup.directionOf(from, to) : Inputs.direction(direction);
            Set<String> flags = new TreeSet<>();
            for (String f : lineFlags) {
                try {
                    flags.add(LineFlag.parse(f).id());
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--line-flag: " + e.getMessage());
                }
            }
            ServerConfig config = options.load();
            Policy policy = Policies.load(config);
            CallContext call;
            try (SqlCatalog catalog = Services.openCatalogOnly(config)) {
                call = CallContexts.forCall(from, to, dir, catalog.directory(), config, RecordPreference.NO_PREFERENCE);
            }
            flags.addAll(call.lineFlags());
            Decision decision = policy.decide(call.withLineFlags(flags));
            System.out.print(json ? DecisionJson.toJson(decision) + "\n" : decision.describe());
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
            "Load the rule files (the built-in rules, then policy.rules_file or --rules) and print their version, "
                    + "hash and files.",
            "Exits 1 listing every problem as file:line: reason."})
    static final class Check implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--rules", paramLabel = "FILE",
                description = "Check this override file instead of the configured policy.rules_file.")
        Path rules;

        @Override
        public Integer call() throws Exception {
            Optional<Path> override = rules != null ? Optional.of(rules.toAbsolutePath().normalize())
                    : options.load().policy().rulesFile();
            RuleSet set = Policies.rules(override);
            System.out.println("policy rules OK");
            System.out.println("version: " + set.version());
            System.out.println("sha256:  " + set.sha256());
            String label = "files:   ";
            for (String name : set.sourceNames()) {
                System.out.println(label + name + (name.equals(RuleSource.BUILT_IN_NAME) ? " (built-in)" : ""));
                label = "         ";
            }
            return 0;
        }
    }
}
