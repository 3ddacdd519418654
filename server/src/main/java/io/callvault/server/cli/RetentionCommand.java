package io.callvault.server.cli;

import io.callvault.server.Main.UsageException;
import io.callvault.server.Platform;
import io.callvault.vault.retention.RetentionRun;
import io.callvault.vault.spi.retention.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Retention policies and the job that crypto-shreds expired recordings (never held ones).",
        subcommands = {RetentionCommand.Run.class, RetentionCommand.Policies.class, RetentionCommand.Set.class,
                RetentionCommand.Remove.class})
public final class RetentionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = {
            "Delete (crypto-shred) every recording whose retention has expired, except those under legal hold.",
            "With --dry-run, only show what would be deleted and why."})
    static final class Run implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--dry-run", description = "Change nothing; list what would be deleted or kept, and why.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            try (Platform platform = options.openPlatform()) {
                RetentionRun run = platform.retention().run(Platform.cliActor(), dryRun);
                for (RetentionRun.Item item : run.items()) {
                    System.out.printf("%-13s %s  policy %-12s expired %s  %s%n", item.outcome(), item.id(),
                            item.policy(), item.retainUntil(), item.reason());
                }
                System.out.println(run.summary());
                return run.items().stream().anyMatch(i -> i.outcome().equals("failed")) ? 1 : 0;
            }
        }
    }

    @Command(name = "policies", mixinStandardHelpOptions = true, description = "List the retention policies.")
    static final class Policies implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Platform platform = options.openPlatform()) {
                System.out.printf("%-16s %8s %8s %-9s %s%n", "NAME", "DAYS", "PRIORITY", "ERASURE", "MATCH");
                for (RetentionPolicy p : platform.retention().policies(Platform.cliActor())) {
                    System.out.printf("%-16s %8d %8d %-9s %s%n", p.name(), p.retainDays(), p.priority(),
                            p.overridesErasure() ? "kept" : "erasable", p.match().isEmpty() ? "(everything)" : p.match());
                }
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {
            "Add or replace a retention policy; every recording's expiry is re-evaluated.",
            "A recording gets the matching policy with the highest priority; tag retention=NAME picks one by name."})
    static final class Set implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--days", required = true, description = "Days to keep, counted from the recording's start.")
        int days;
        @Option(names = "--match", paramLabel = "KEY=VALUE", description = "Tag the recording must have; repeat for more. "
                + "None: matches every recording.")
        List<String> match = new ArrayList<>();
        @Option(names = "--priority", defaultValue = "10", description = "Higher wins when several match (default 10).")
        int priority;
        @Option(names = "--overrides-erasure", description = "The law obliges keeping these: erasure requests keep them "
                + "until they expire.")
        boolean overridesErasure;
        @Option(names = "--description", paramLabel = "TEXT", description = "Why this class exists.")
        String description;

        @Override
        public Integer call() throws Exception {
            RetentionPolicy policy;
            try {
                policy = new RetentionPolicy(name, days, Inputs.tags(match), priority, overridesErasure, description);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try (Platform platform = options.openPlatform()) {
                platform.retention().putPolicy(Platform.cliActor(), policy);
            }
            System.out.println("retention policy " + name + " saved: " + days + " days");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a retention policy.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (Platform platform = options.openPlatform()) {
                if (!platform.retention().deletePolicy(Platform.cliActor(), name)) {
                    throw new UsageException("no retention policy named " + name);
                }
            }
            System.out.println("retention policy " + name + " removed");
            return 0;
        }
    }
}
