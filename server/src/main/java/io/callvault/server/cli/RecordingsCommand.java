package io.callvault.server.cli;

import io.callvault.core.RecordingId;
import io.callvault.server.Main.UsageException;
import io.callvault.server.Platform;
import io.callvault.vault.RecordingHeldException;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import io.callvault.vault.spi.Tombstone;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "recordings", mixinStandardHelpOptions = true, description = "List, show, export and delete recordings.",
        subcommands = {RecordingsCommand.ListCommand.class, RecordingsCommand.ShowCommand.class,
                RecordingsCommand.ExportCommand.class, RecordingsCommand.DeleteCommand.class})
public final class RecordingsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List recordings, newest first.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--party", paramLabel = "+E164", description = "Only calls with this number as caller or callee.")
        String party;
        @Option(names = "--since", paramLabel = "ISO-8601", description = "Started at or after (time or date).")
        String since;
        @Option(names = "--until", paramLabel = "ISO-8601", description = "Started before (time or date).")
        String until;
        @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only with this tag; repeat to require more.")
        List<String> tags = new ArrayList<>();
        @Option(names = "--state", description = "recording, sealed, interrupted or blob_missing.")
        String state;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (1-1000, default ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
        int offset;
        @Option(names = "--json", description = "JSON array instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            RecordingQuery q;
            try {
                q = new RecordingQuery(party == null ? null : Inputs.number(party, "--party"),
                        since == null ? null : Inputs.instant(since, "--since"),
                        until == null ? null : Inputs.instant(until, "--until"), Inputs.tags(tags),
                        state == null ? null : state(state), null, null, offset, limit);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try (Platform platform = options.openPlatform()) {
                List<RecordingRow> rows = platform.vault().catalog().search(q);
                platform.audit().record(Platform.cliActor(), "recording.list", "", "ok",
                        RecordingView.describeQuery(q) + "; " + rows.size() + " result(s)");
                if (json) {
                    System.out.println(RecordingView.json(rows.stream().map(RecordingView::toMap).toList()));
                } else {
                    System.out.println(RecordingView.tableHeader());
                    rows.forEach(r -> System.out.println(RecordingView.tableRow(r)));
                }
            }
            return 0;
        }

        private static RecordingState state(String s) {
            try {
                return RecordingState.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--state must be recording, sealed, interrupted or blob_missing, not '" + s + "'");
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one recording's details.")
    static final class ShowCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--json", description = "JSON instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            RecordingId rid = Inputs.id(id);
            try (Platform platform = options.openPlatform()) {
                Vault vault = platform.vault();
                RecordingRow row = vault.find(rid);
                platform.audit().record(Platform.cliActor(), "recording.view", rid.toString(), "ok", "");
                var map = RecordingView.toMap(row, vault.catalog().segments(rid), vault.catalog().dataKey(rid).kekId());
                if (json) {
                    System.out.println(RecordingView.json(map));
                } else {
                    map.forEach((k, v) -> System.out.printf("%-15s %s%n", k + ":", v == null ? "" : v));
                }
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Decrypt one recording to a WAV file (verified against the digest sealed with it).")
    static final class ExportCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write; '-' for stdout.")
        Path out;
        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            RecordingId rid = Inputs.id(id);
            boolean stdout = out.toString().equals("-");
            if (!stdout && Files.exists(out) && !force) {
                throw new UsageException(out + " exists; use --force to overwrite");
            }
            try (Platform platform = options.openPlatform(); RecordingReader reader = platform.vault().open(rid)) {
                platform.audit().record(Platform.cliActor(), "recording.export", rid.toString(), "ok",
                        stdout ? "to standard output" : "to " + out.toAbsolutePath());
                if (stdout) {
                    OutputStream o = new BufferedOutputStream(System.out, 1 << 16);
                    reader.writeWav(o);
                    o.flush();
                    return 0;
                }
                Path target = out.toAbsolutePath();
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                try {
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                        reader.writeWav(o);
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                System.err.println("wrote " + target + " (" + RecordingView.duration(reader.row().durationMillis())
                        + ", " + reader.row().format() + ", SHA-256 verified)");
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a recording by crypto-shredding its key; a tombstone (id, when, why, who) remains.")
    static final class DeleteCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is deleted (kept in the tombstone).")
        String reason;

        @Override
        public Integer call() throws Exception {
            RecordingId rid = Inputs.id(id);
            if (reason.isBlank()) {
                throw new UsageException("--reason must not be empty");
            }
            try (Platform platform = options.openPlatform()) {
                var actor = Platform.cliActor();
                Tombstone t;
                try {
                    t = platform.vault().delete(rid, reason, actor.name());
                } catch (RecordingHeldException e) {
                    platform.audit().record(actor, "recording.delete", rid.toString(), "denied", e.getMessage());
                    throw new UsageException(e.getMessage() + "; a compliance officer must release the hold first");
                }
                platform.audit().record(actor, "recording.delete", rid.toString(), "ok", "reason: " + reason.strip());
                System.out.println("deleted " + t.id() + " at " + t.deletedAt() + " by " + t.deletedBy());
            }
            return 0;
        }
    }
}
