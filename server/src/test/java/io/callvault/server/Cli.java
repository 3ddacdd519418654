package io.callvault.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Runs bin/callvault's main in-process with {@code --config FILE} appended, capturing stdout and stderr. */
final class Cli {
    record Result(int exit, String out, String err) {
    }

    private final Path config;

    Cli(Path config) {
        this.config = config;
    }

    synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            String[] all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--config";
            all[args.length + 1] = config.toString();
            int exit = Main.run(all);
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
