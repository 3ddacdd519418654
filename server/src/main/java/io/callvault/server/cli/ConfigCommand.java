package io.callvault.server.cli;

import io.callvault.server.config.RawConfig;
import io.callvault.server.config.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Show the configuration.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Defaults.class})
public final class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Validate and print the effective settings and where each came from (secrets masked).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            ServerConfig.from(RawConfig.load(options.file, ConfigOptions.env()));
            RawConfig.load(options.file, ConfigOptions.env()).masked().forEach((k, v) ->
                    System.out.printf("%-26s = %-40s # %s%n", k, v.value(), v.origin()));
            return 0;
        }
    }

    @Command(name = "defaults", mixinStandardHelpOptions = true, description = "Print the documented defaults file.")
    static final class Defaults implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(RawConfig.defaultsText());
            return 0;
        }
    }
}
