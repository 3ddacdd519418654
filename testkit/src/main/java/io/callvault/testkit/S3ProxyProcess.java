package io.callvault.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real s3proxy server (in-memory backend, AWS v2/v4 signatures) in a child JVM on 127.0.0.1, for the
 * tests of one class. Each module that uses it copies the jar to {@code target/s3proxy/} with
 * maven-dependency-plugin in generate-test-resources (execution {@code copy-s3proxy}); the child runs on the test JVM's own java. Its output goes to a log file that
 * failures quote.
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String IDENTITY = "callvault-test";
    public static final String CREDENTIAL = "callvault-test-secret";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;
    private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");

    private final Process process;
    private final URI endpoint;

    private S3ProxyProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts s3proxy, its config and log under {@code workDir}; returns when it accepts connections. */
    public static S3ProxyProcess start(Path workDir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the tests through Maven"
                    + " (./mvnw test -pl MODULE), whose generate-test-resources phase copies it");
        }
        Path log = workDir.resolve("s3proxy.log");
        // A free port can be taken between probing and binding; s3proxy then exits and we try another.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process process = launch(writeProperties(workDir, port), log);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            // Should the test JVM end without @AfterAll (Ctrl-C, a fork timeout), the server goes too.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "s3proxy-reaper"));
            try {
                awaitPort(process, port, log);
                return new S3ProxyProcess(process, endpoint);
            } catch (IllegalStateException e) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (attempt == ATTEMPTS || !Files.readString(log).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path writeProperties(Path workDir, int port) throws IOException {
        return Files.write(workDir.resolve("s3proxy.properties"), List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                // The in-memory backend serves each GET from one snapshot of the object, as S3 does. The
                // filesystem backends read metadata and content separately, so a GET racing an overwrite
                // can answer the old ETag with the new bytes, which the contract's replacement test catches.
                "jclouds.provider=transient",
                "jclouds.identity=" + IDENTITY,
                "jclouds.credential=" + CREDENTIAL));
    }

    private static Process launch(Path properties, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
        var builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // s3proxy's logback reads these; per-request INFO lines would only slow the tests down.
        builder.environment().put("LOG_LEVEL", "warn");
        builder.environment().put("JETTY_LOG_LEVEL", "warn");
        return builder.start();
    }

    /** Waits until the port accepts connections, failing early if the process exits. */
    private static void awaitPort(Process process, int port, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            // Waiting on the process doubles as the pause between probes and notices an early exit.
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("s3proxy exited with code " + process.exitValue()
                        + " before accepting connections; its output:\n" + Files.readString(log));
            }
            if (accepts(port)) {
                return;
            }
        }
        throw new IllegalStateException("s3proxy did not accept connections on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s; its output:\n" + Files.readString(log));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
