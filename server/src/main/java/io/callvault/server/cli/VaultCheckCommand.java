package io.callvault.server.cli;

import io.callvault.vault.CrashRecovery;
import io.callvault.vault.IntegrityCheck;
import io.callvault.vault.Vault;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Check the vault: recordings left half-written by a crash, blobs without catalog rows, rows without blobs.",
        "With --repair: recover interrupted recordings, delete orphan blobs, mark rows whose blob is gone.",
        "Exit code 0 when clean (or repaired), 1 when problems remain."})
public final class VaultCheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--repair", description = "Fix what can be fixed.")
    boolean repair;

    @Override
    public Integer call() throws Exception {
        try (Vault vault = options.openVault()) {
            if (repair) {
                CrashRecovery.Report r = new CrashRecovery(vault).recover();
                System.out.printf("recovery: %d sealed as interrupted, %d completed, %d removed, %d still being "
                                + "written, %d stale pending blob(s) deleted%n", r.interrupted().size(), r.completed().size(),
                        r.removed().size(), r.stillWriting().size(), r.stalePendingDeleted().size());
            }
            IntegrityCheck.Report c = new IntegrityCheck(vault).run(repair);
            System.out.printf("checked %d recording(s): %d orphan blob(s)%s, %d recording(s) without blob%n",
                    c.recordingsChecked(), c.orphanBlobs().size(), repair ? " deleted" : "", c.missingBlobs().size());
            c.orphanBlobs().forEach(k -> System.out.println("  orphan blob " + k));
            c.missingBlobs().forEach(id -> System.out.println("  missing blob for recording " + id));
            return c.clean() || (repair && c.missingBlobs().isEmpty()) ? 0 : 1;
        }
    }
}
