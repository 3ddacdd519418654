package io.callvault.server.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shared SIP test harness (../shared/harness: baresip, SIPp, audio tools) as seen from our tests.
 * The harness folder is read-only in CI, so generated audio goes to a temp directory of ours.
 */
public final class Harness {
    private static Path audio;

    private Harness() {
    }

    public static Path dir() {
        String root = System.getenv("CALLVAULT_REPO_ROOT");
        Path dir = Path.of(root == null ? "." : root).toAbsolutePath().resolve("../shared/harness").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the SIP test harness is missing at " + dir + " (it ships beside the "
                    + "repository as shared/harness; CALLVAULT_REPO_ROOT=" + root + ")");
        }
        return dir;
    }

    /** The harness's test audio (caller_speech.wav, callee_speech.wav, ...), generated once per JVM. */
    public static synchronized Path audio() throws IOException, InterruptedException {
        if (audio == null) {
            Path out = Files.createTempDirectory("callvault-audio");
            run(List.of("bash", dir().resolve("make_audio.sh").toString(), out.toString()), 120);
            audio = out;
        }
        return audio;
    }

    /** Runs a command to completion within {@code seconds}; fails with its output otherwise. */
    public static String run(List<String> command, long seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("callvault-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + seconds + " s:\n" + Files.readString(log));
            }
            String out = Files.readString(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue() + ":\n" + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * audio_compare.py: does {@code test} contain {@code reference}'s audio? Returns the correlation and
     * offset line; throws if it says no match.
     */
    public static String assertContains(Path reference, Path test, double maxOffsetSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", dir().resolve("audio_compare.py").toString(),
                reference.toString(), test.toString(), "--max-offset", String.valueOf(maxOffsetSeconds)));
        return run(cmd, 60);
    }

    /** Extracts one channel (1 = left) of a WAV with sox into a mono file. */
    public static Path channel(Path stereo, int channel, Path out) throws IOException, InterruptedException {
        run(List.of("sox", "-D", stereo.toString(), out.toString(), "remix", String.valueOf(channel)), 30);
        return out;
    }
}
