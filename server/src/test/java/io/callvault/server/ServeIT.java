package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve` as a real process: first start on defaults, /healthz, clean stop on SIGTERM, config errors. */
class ServeIT {
    @TempDir
    Path dir;

    @Test
    void firstStart_answersHealthz_andStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("CALLVAULT_DATA_DIR", data.toString(), "CALLVAULT_HTTP_PORT",
                String.valueOf(port));
        try (ServerProcess p = ServerProcess.callvault(env, dir, "serve")) {
            awaitContaining(p, "callvault serving", 60);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("ok");
            assertThat(data.resolve("master.key")).exists();
            assertThat(data.resolve("keyring.properties")).exists();
            assertThat(data.resolve("catalog.db")).exists();

            p.process.destroy(); // SIGTERM
            assertThat(p.awaitExit(20)).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
            assertThat(p.output()).contains("Stopped");
        }
    }

    @Test
    void invalidEnvironmentValue_stopsTheStartNamingKeyValueAndOrigin() throws Exception {
        try (ServerProcess p = ServerProcess.callvault(Map.of("CALLVAULT_DATA_DIR", dir.resolve("d").toString(),
                "CALLVAULT_HTTP_PORT", "99999"), dir, "serve")) {
            assertThat(p.awaitExit(60)).isNotZero();
            assertThat(p.output()).contains("http.port").contains("'99999'").contains("CALLVAULT_HTTP_PORT")
                    .contains("1 to 65535");
        }
    }

    @Test
    void wrongMasterSecretOnLaterStart_stopsWithAClearMessage() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("CALLVAULT_DATA_DIR", data.toString(), "CALLVAULT_HTTP_PORT",
                String.valueOf(freePort()));
        try (ServerProcess p = ServerProcess.callvault(env, dir, "keys", "status")) {
            assertThat(p.awaitExit(60)).as(p.output()).isZero();
        }
        byte[] keyring = Files.readAllBytes(data.resolve("keyring.properties"));
        Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("CALLVAULT_MASTER_KEY", io.callvault.vault.keys.KeyringBootstrap.newSecretBase64());
        try (ServerProcess p = ServerProcess.callvault(wrong, dir, "serve")) {
            assertThat(p.awaitExit(60)).isNotZero();
            assertThat(p.output()).contains("does not open keyring").doesNotContain(wrong.get("CALLVAULT_MASTER_KEY"));
        }
        assertThat(Files.readAllBytes(data.resolve("keyring.properties"))).isEqualTo(keyring);
    }

    static void awaitContaining(ServerProcess p, String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (p.output().contains(text)) {
                return;
            }
            if (!p.process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' not printed within " + seconds + " s:\n" + p.output());
    }

    /**
     * A port free for both UDP and TCP, below the kernel's ephemeral range (32768+), so that a server
     * restarted on it is not beaten to it by some client socket that the kernel handed the port meanwhile.
     */
    static int stablePort() throws Exception {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + random.nextInt(10000);
            try (ServerSocket tcp = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
                 java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 29999");
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
