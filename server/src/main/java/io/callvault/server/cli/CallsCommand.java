package io.callvault.server.cli;

import io.callvault.core.RecordingId;
import io.callvault.server.Services;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.spi.CallRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calls", mixinStandardHelpOptions = true,
        description = "List call records (every call through callvault, answered or not), newest first.")
public final class CallsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-1000, default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
    int offset;
    @Option(names = "--json", description = "JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new io.callvault.server.Main.UsageException("--limit must be 1..1000 and --offset >= 0");
        }
        try (SqlCatalog catalog = Services.openCatalogOnly(options.load())) {
            List<CallRecord> calls = catalog.callLog().recent(offset, limit);
            if (json) {
                System.out.println(RecordingView.json(calls.stream().map(CallsCommand::toMap).toList()));
                return 0;
            }
            System.out.printf("%-20s  %-16s  %-16s  %-8s  %-10s  %6s  %8s  %s%n", "STARTED (UTC)", "CALLER", "CALLEE",
                    "DIR", "RESULT", "STATUS", "TALK", "RECORDING");
            for (CallRecord c : calls) {
                System.out.printf("%-20s  %-16s  %-16s  %-8s  %-10s  %6d  %8s  %s%n",
                        c.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), c.caller(), c.callee(),
                        c.direction().label(), c.disposition(), c.finalStatus(), RecordingView.duration(c.talkMillis()),
                        c.recordingId().map(RecordingId::toString).orElse("-"));
                c.alerts().forEach(a -> System.out.println("    ALERT: " + a));
            }
        }
        return 0;
    }

    private static Map<String, Object> toMap(CallRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callId", c.callId());
        m.put("caller", c.caller());
        m.put("callerName", c.callerName());
        m.put("callee", c.callee());
        m.put("direction", c.direction().label());
        m.put("startedAt", c.startedAt().toString());
        m.put("answeredAt", c.answeredAt().map(Object::toString).orElse(null));
        m.put("endedAt", c.endedAt().toString());
        m.put("disposition", c.disposition());
        m.put("finalStatus", c.finalStatus());
        m.put("endedBy", c.endedBy());
        m.put("talkMillis", c.talkMillis());
        m.put("recordingId", c.recordingId().map(RecordingId::toString).orElse(null));
        m.put("alerts", c.alerts());
        return m;
    }
}
