package io.callvault.media.dtmf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The harness's espeak-ng recordings (caller_speech.wav, caller_with_dtmf.wav, ...): the copy built in
 * ../shared/harness/audio when there is one, else built once per JVM into a temporary directory with the
 * harness's make_audio.sh (espeak-ng and sox, which scripts/test.sh installs), so a fresh checkout runs
 * the speech tests too instead of skipping them.
 */
final class HarnessAudio {
    private static Path dir;

    private HarnessAudio() {
    }

    static synchronized Path dir() throws IOException, InterruptedException {
        if (dir != null) {
            return dir;
        }
        String root = System.getenv("CALLVAULT_REPO_ROOT");
        Path harness = Path.of(root == null ? "." : root).toAbsolutePath().resolve("../shared/harness").normalize();
        Path built = harness.resolve("audio");
        if (Files.isReadable(built.resolve("caller_with_dtmf.wav"))) {
            return dir = built;
        }
        if (!Files.isReadable(harness.resolve("make_audio.sh"))) {
            throw new IllegalStateException("the SIP test harness is missing at " + harness + " (it ships beside "
                    + "the repository as shared/harness)");
        }
        Path out = Files.createTempDirectory("callvault-harness-audio");
        Process p = new ProcessBuilder("bash", harness.resolve("make_audio.sh").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("make_audio.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("make_audio.sh failed (espeak-ng and sox installed?):\n"
                    + Files.readString(out.resolve("make_audio.log")));
        }
        return dir = out;
    }
}
