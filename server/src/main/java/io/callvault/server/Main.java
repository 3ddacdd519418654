package io.callvault.server;

import io.callvault.server.cli.CallvaultCommand;
import picocli.CommandLine;

/** Entry point of bin/callvault. Exit codes: 0 done, 1 failed, 2 bad usage or input. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CallvaultCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("callvault: " + oneLine(e));
            if (Boolean.getBoolean("callvault.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            return e instanceof UsageException ? 2 : 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Bad input from the user (a file, a number, an id): exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
