package io.callvault.server.cli;

import picocli.CommandLine.Command;

@Command(name = "callvault", mixinStandardHelpOptions = true, version = "callvault 0.1.0",
        description = "Compliant call recording for SIP softphones.",
        subcommands = {ServeCommand.class, ImportCommand.class, RecordingsCommand.class, KeysCommand.class,
                VaultCheckCommand.class, ConfigCommand.class, ExtensionCommand.class, TrunkCommand.class,
                CallsCommand.class, AuditCommand.class, RetentionCommand.class, UserCommand.class,
                PolicyCommand.class})
public final class CallvaultCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
