package io.callvault.server;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.NewRecording;
import io.callvault.vault.RecordingWriter;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.Party;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A separate JVM that records a live-like call forever (20 ms frames, synced each second of audio) and
 * reports progress on stdout, for the kill -9 test. Usage: RecordingProcessMain CONFIG_FILE
 */
public final class RecordingProcessMain {
    private RecordingProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.load(Path.of(args[0]), Map.of());
        Vault vault = Services.openVault(config, Map.of());
        AudioFormat fmt = AudioFormat.STEREO_8K;
        RecordingWriter w = vault.startRecording(new NewRecording("kill-test", Party.of("+14155550123"),
                Party.of("+14155550199"), Direction.OUT, "bob", Instant.parse("2026-11-30T10:00:00Z"), fmt, Map.of()),
                Vault.SyncPolicy.EVERY_SECOND);
        System.out.println("RECORDING " + w.id());
        System.out.flush();
        int frameBytes = fmt.bytesPerSecond() / 50;
        long written = 0;
        while (true) {
            byte[] frame = TestAudio.slice(fmt, written, frameBytes);
            w.write(frame, 0, frame.length);
            written += frameBytes;
            if (written % fmt.bytesPerSecond() == 0) {
                System.out.println("SYNCED " + written); // the writer synced at this second boundary
                System.out.flush();
            }
            Thread.sleep(2); // faster than real time, slow enough to be killed mid-write
        }
    }
}
