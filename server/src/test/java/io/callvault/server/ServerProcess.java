package io.callvault.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a class of this test classpath in a child JVM; its output (stdout and stderr) goes to a file. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(Map<String, String> env, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("callvault-child", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        pb.environment().keySet().removeIf(k -> k.startsWith("CALLVAULT_"));
        pb.environment().putAll(env);
        return new ServerProcess(pb.start(), log);
    }

    static ServerProcess callvault(Map<String, String> env, Path workDir, String... args) throws IOException {
        return start(env, Main.class.getName(), args);
    }

    /** Waits for a line starting with {@code prefix} and returns it; fails with everything printed so far. */
    String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : output().split("\n")) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; output:\n" + output());
    }

    /** The last line starting with {@code prefix}, waiting until at least one is printed. */
    String awaitLast(String prefix, long seconds) throws InterruptedException {
        await(prefix, seconds);
        String last = null;
        for (String line : output().split("\n")) {
            if (line.startsWith(prefix)) {
                last = line;
            }
        }
        return last;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to exit; returns the exit code. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("process still running after " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(log);
    }
}
