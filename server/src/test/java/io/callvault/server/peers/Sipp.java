package io.callvault.server.peers;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp 3.6.1 process on 127.0.0.1, bounded by {@code timeout}, with its SIP messages, errors, log
 * actions and final screen in files named after it in the run directory. SIPp opens {@code rtp_stream}
 * files relative to its working directory, so the process runs in the run directory: put caller.ul /
 * callee.ul there. Exit codes (SIPp's): 0 every call succeeded, 1 some failed, 99 no call processed,
 * 254/255 fatal (e.g. a port already bound); {@code timeout} adds 124 when the bound was hit.
 */
public final class Sipp implements AutoCloseable {
    private final Path dir;
    private final String name;
    private final Process process;

    private Sipp(Path dir, String name, Process process) {
        this.dir = dir;
        this.name = name;
        this.process = process;
    }

    /** A scenario of ours (server/src/test/resources/sipp), e.g. "register.xml". */
    public static Path scenario(String file) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no SIPp scenario sipp/" + file + " on the test classpath", e);
        }
    }

    /** A scenario of the shared harness, e.g. "uas_play.xml". */
    public static Path harnessScenario(String file) {
        return Harness.dir().resolve("sipp").resolve(file);
    }

    /**
     * Starts {@code sipp -sf scenario args...} with loopback addresses and tracing added; it is killed
     * after {@code seconds}.
     */
    public static Sipp start(Path dir, String name, Path scenario, long seconds, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", String.valueOf(seconds), "sipp", "-sf",
                scenario.toString(), "-i", "127.0.0.1", "-mi", "127.0.0.1", "-nostdin", "-trace_msg", "-message_file",
                file(dir, name, "messages").toString(), "-trace_err", "-error_file", file(dir, name, "errors").toString(),
                "-trace_logs", "-log_file", file(dir, name, "logs").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(file(dir, name, "screen").toFile()).redirectInput(new File("/dev/null")).start();
        return new Sipp(dir, name, p);
    }

    /**
     * Waits until this SIPp has bound its UDP {@code port} (a UAS must before the call is placed); if it
     * does not within 10 s, stops it and fails with its report.
     */
    public Sipp awaitBound(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (!udpFree(port)) {
                return this;
            }
            Thread.sleep(20);
        }
        close();
        throw new AssertionError("sipp " + name + " did not bind UDP port " + port + ":\n" + report());
    }

    /** The exit code; fails with the report if SIPp is still running after {@code seconds}. */
    public int awaitExit(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("sipp " + name + " still running after " + seconds + " s:\n" + report());
        }
        return process.exitValue();
    }

    /** What SIPp's log actions wrote (-trace_logs), e.g. "final response 486". */
    public String logs() throws IOException {
        return read(file(dir, name, "logs"));
    }

    /** Errors, the final screen and the SIP messages: what a failed assertion should show. */
    public String report() throws IOException {
        return "--- sipp " + name + " errors:\n" + read(file(dir, name, "errors")) + "\n--- screen:\n"
                + read(file(dir, name, "screen")) + "\n--- messages:\n" + read(file(dir, name, "messages"));
    }

    /**
     * The first of {@code count} consecutive free UDP ports on 127.0.0.1, even, between 20000 and 29999
     * (clear of the harness's fixed ports and LiveServer's media range).
     */
    public static int freeUdpPorts(int count) {
        return freeUdpPorts(count, 20_000, 29_999);
    }

    /** The first of {@code count} consecutive free UDP ports on 127.0.0.1, even, within {@code from}-{@code to}. */
    public static int freeUdpPorts(int count, int from, int to) {
        int slots = (to - from + 1 - count) / 4;
        if (slots < 1) {
            throw new IllegalArgumentException(count + " ports do not fit in " + from + "-" + to);
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = from + (from & 1) + 4 * ThreadLocalRandom.current().nextInt(slots);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                free = udpFree(p);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports in " + from + "-" + to);
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    private static Path file(Path dir, String name, String kind) {
        return dir.resolve("sipp-" + name + "-" + kind + ".log");
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1) : "(none)";
    }

    /** Kills SIPp (and its timeout wrapper) if it is still running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
