package io.callvault.server.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real, unmodified baresip softphone on 127.0.0.1, configured by the harness's mkconf.sh and driven
 * by its bsctl.py. The account line is ours, so the phone can REGISTER with digest credentials and send
 * every request to callvault.
 */
public final class BaresipPhone implements AutoCloseable {
    private final Path dir;
    private final int ctrlPort;
    private final Process process;
    private Process script;

    private BaresipPhone(Path dir, int ctrlPort, Process process) {
        this.dir = dir;
        this.ctrlPort = ctrlPort;
        this.process = process;
    }

    /**
     * @param account the baresip accounts line, e.g.
     *                {@code <sip:201@127.0.0.1:5070>;auth_pass=...;outbound="sip:127.0.0.1:5070";regint=60;answermode=auto;audio_codecs=PCMU,PCMA}
     * @param source  8 kHz mono WAV the phone "speaks" (padded by the caller to outlast the call)
     */
    public static BaresipPhone start(Path runDir, String name, int sipPort, int ctrlPort, Path source, String account)
            throws IOException, InterruptedException {
        Path dir = runDir.resolve(name);
        Harness.run(List.of("bash", Harness.dir().resolve("baresip/mkconf.sh").toString(), dir.toString(), name,
                String.valueOf(sipPort), String.valueOf(ctrlPort), source.toString(), dir.resolve("rec").toString(),
                "auto", "aubridge,null-" + name), 30);
        Files.writeString(dir.resolve("accounts"), account + "\n");
        Process p = new ProcessBuilder("timeout", "-k", "5", "180", "stdbuf", "-oL", "baresip", "-f", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        BaresipPhone phone = new BaresipPhone(dir, ctrlPort, p);
        phone.awaitCtrl();
        return phone;
    }

    /** Runs bsctl.py steps in the background (one controller per phone, as ctrl_tcp allows one). */
    public void script(String... steps) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", Harness.dir().resolve("baresip/bsctl.py").toString(),
                "--port", String.valueOf(ctrlPort), "--events", dir.resolve("events.jsonl").toString()));
        cmd.addAll(List.of(steps));
        script = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("bsctl.log").toFile())
                .start();
    }

    /**
     * Waits until the script's controller is connected and running its first step: events from before that
     * are not seen by it (e.g. a call answered at once).
     */
    public void awaitScriptRunning(long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Path log = dir.resolve("bsctl.log");
        while (!(Files.exists(log) && Files.readString(log).contains("bsctl step:"))) {
            if (System.nanoTime() > deadline || !script.isAlive()) {
                throw new AssertionError("baresip " + dir.getFileName() + " controller did not start:\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the script to finish; fails with its output and the phone's log if a step failed. */
    public void awaitScript(long seconds) throws IOException, InterruptedException {
        if (!script.waitFor(seconds, TimeUnit.SECONDS) || script.exitValue() != 0) {
            script.destroyForcibly();
            throw new AssertionError("baresip " + dir.getFileName() + " script failed:\n" + Files.readString(
                    dir.resolve("bsctl.log")) + "\n--- baresip log:\n" + log());
        }
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("baresip.log"));
    }

    public String events() throws IOException {
        Path f = dir.resolve("events.jsonl");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /**
     * Everything this phone received, one file per audio stream in the order they started (early media
     * before the answer gets a file of its own): sndfile's dump-TIME-dec.wav, sorted by name.
     */
    public java.util.List<Path> receivedAudioFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("rec"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).sorted().toList();
        }
    }

    /** What this phone received during its call (sndfile's dump-*-dec.wav). */
    public Optional<Path> receivedAudio() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("rec"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst();
        }
    }

    private void awaitCtrl() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", ctrlPort)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("baresip did not open its control port " + ctrlPort + ":\n" + log());
    }

    /** SIGTERM twice (baresip lingers on the first), then SIGKILL — the harness's stop_pid. */
    @Override
    public void close() throws InterruptedException {
        if (script != null) {
            script.destroyForcibly();
        }
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
