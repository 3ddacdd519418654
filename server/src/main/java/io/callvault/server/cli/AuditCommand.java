package io.callvault.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callvault.server.Services;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.audit.AuditVerification;
import io.callvault.vault.audit.CheckpointSigner;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.AuditSink;
import io.callvault.vault.spi.CatalogException;
import java.io.BufferedWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check and export the tamper-evident audit log (format: docs/audit-chain.md).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Export.class})
public final class AuditCommand implements Runnable {
    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chain from the first entry and check every signed checkpoint. Exit 0 "
                    + "if intact, 1 naming the first broken entry (edited, deleted, inserted, reordered or truncated).")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            ServerConfig config = options.load();
            try (SqlCatalog catalog = Services.openCatalogOnly(config)) {
                AuditVerification result = trail(catalog, config).verify();
                System.out.println(result.describe());
                return result.ok() ? 0 : 1;
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign a checkpoint of the chain's current end now (the server also does so periodically).")
    static final class Checkpoint implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            ServerConfig config = options.load();
            try (SqlCatalog catalog = Services.openCatalogOnly(config)) {
                var made = trail(catalog, config).checkpoint();
                System.out.println(made.map(c -> "checkpoint at entry " + c.seq() + " signed with key " + c.keyId())
                        .orElse("the audit log is empty; nothing to sign"));
            }
            return 0;
        }
    }

    static AuditTrail trail(SqlCatalog catalog, ServerConfig config) throws java.io.IOException {
        CheckpointSigner signer = CheckpointSigner.openOrCreate(io.callvault.server.Platform.signingKeyFile(config));
        return new AuditTrail(catalog.auditLog(), catalog.checkpoints(), signer, java.time.InstantSource.system());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every entry, in seq order, as one JSON object per line (JSON Lines), with all "
                    + "fields, so the chain can be verified elsewhere.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Where to write; replaced.")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (SqlCatalog catalog = Services.openCatalogOnly(options.load());
                 BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                List<AuditEntry> all = readAll(catalog.auditLog());
                for (AuditEntry e : all) {
                    w.write(jsonLine(e));
                    w.newLine();
                }
                System.out.println("exported " + all.size() + " audit entries to " + out);
            }
            return 0;
        }
    }

    /** Every entry in seq order, read in pages; the whole log is held in memory. */
    static List<AuditEntry> readAll(AuditSink sink) throws CatalogException {
        List<AuditEntry> all = new ArrayList<>();
        long next = 1;
        List<AuditEntry> page;
        while (!(page = sink.read(next, PAGE)).isEmpty()) {
            all.addAll(page);
            next = page.getLast().seq() + 1;
        }
        return all;
    }

    /** One entry as a single-line JSON object; {@code at} is ISO-8601 UTC with milliseconds. */
    static String jsonLine(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("source", e.source());
        m.put("action", e.action());
        m.put("target", e.target());
        m.put("outcome", e.outcome());
        m.put("details", e.details());
        m.put("prevHash", e.prevHash());
        m.put("hash", e.hash());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
