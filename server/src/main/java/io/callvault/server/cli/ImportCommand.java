package io.callvault.server.cli;

import io.callvault.core.Direction;
import io.callvault.server.Main.UsageException;
import io.callvault.vault.NewRecording;
import io.callvault.vault.Vault;
import io.callvault.vault.WavImporter;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.wav.InvalidWavException;
import io.callvault.vault.wav.WavHeader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an existing WAV recording (16-bit PCM 8/16 kHz or G.711 µ-law/A-law WAV, mono or "
                + "stereo) into the vault and print its new id.",
                "Anything else is refused with a one-line reason and exit code 2; nothing is stored then."})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "The WAV file.")
    Path file;

    @Option(names = "--caller", required = true, paramLabel = "+E164", description = "Calling party, e.g. +14155550123.")
    String caller;

    @Option(names = "--callee", required = true, paramLabel = "+E164", description = "Called party.")
    String callee;

    @Option(names = "--started-at", paramLabel = "ISO-8601",
            description = "When the call started, e.g. 2026-11-30T09:15:00Z (default: now).")
    String startedAt;

    @Option(names = "--direction", defaultValue = "in", description = "in, out or internal (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--agent", paramLabel = "NAME", description = "Agent or extension that took the call.")
    String agent;

    @Option(names = "--call-id", paramLabel = "ID", description = "External call reference (e.g. SIP Call-ID).")
    String callId;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag; repeat for more.")
    List<String> tags = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Party from = party(caller, "--caller");
        Party to = party(callee, "--callee");
        Direction dir = Inputs.direction(direction);
        Instant start = startedAt == null ? Instant.now() : Inputs.instant(startedAt, "--started-at");
        Map<String, String> tagMap = Inputs.tags(tags);
        long size = checkFile();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            WavHeader.read(in, size); // validate before the vault (and its data directory) is even opened
        } catch (InvalidWavException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
        try (Vault vault = options.openVault();
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            RecordingRow row = new WavImporter(vault).importWav(in, size, format ->
                    new NewRecording(callId, from, to, dir, agent, start, format, tagMap));
            CliAudit.record(vault, "recording.import", row.id().toString(), "from " + file.toAbsolutePath());
            System.out.println(row.id());
            return 0;
        } catch (InvalidWavException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    private long checkFile() {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UsageException(file + ": no such file");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Party party(String number, String option) {
        try {
            return Party.of(number);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
