package io.callvault.server.directory;

import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.KeyService;
import java.io.IOException;
import java.nio.file.Files;
import io.callvault.vault.spi.AuditSink;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the provisioning file at start (a bad file stops the start) and again each time its
 * modification time changes (checked every few seconds on a virtual thread; a bad edit is logged and the
 * previous state kept).
 */
public final class ProvisioningWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWatcher.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Path file;
    private final Provisioning provisioning;
    private final Directory directory;
    private final KeyService keys;
    private final AuditSink audit;
    private volatile boolean closed;
    private FileTime applied;
    private final Thread thread;

    private ProvisioningWatcher(Path file, String realm, Directory directory, KeyService keys, AuditSink audit)
            throws Provisioning.ProvisioningException {
        this.file = file;
        this.provisioning = new Provisioning(file, realm);
        this.directory = directory;
        this.keys = keys;
        this.audit = audit;
        this.applied = modified();
        apply();
        this.thread = Thread.ofVirtual().name("provisioning").start(this::watch);
    }

    /** Applies the file now (a bad file stops the start) and again whenever it changes; each apply is audited. */
    public static ProvisioningWatcher start(Path file, String realm, Directory directory, KeyService keys,
                                            AuditSink audit) throws Provisioning.ProvisioningException {
        return new ProvisioningWatcher(file, realm, directory, keys, audit);
    }

    private void apply() throws Provisioning.ProvisioningException {
        try {
            String summary = provisioning.apply(directory, keys);
            LOG.info("Provisioned {}", summary);
            record("ok", summary);
        } catch (Provisioning.ProvisioningException e) {
            record("failed", e.getMessage());
            throw e;
        }
    }

    /** Configuration changes are audited; a failure to audit is logged, it does not undo the change. */
    private void record(String outcome, String details) {
        try {
            audit.append("provisioning", "file", "config.provisioning_apply", file.toString(), outcome,
                    details.length() > 2000 ? details.substring(0, 2000) : details);
        } catch (Exception e) {
            LOG.error("Could not audit the provisioning change: {}", e.toString());
        }
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(POLL);
                FileTime now = modified();
                if (now != null && !now.equals(applied)) {
                    applied = now;
                    apply();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Provisioning.ProvisioningException e) {
                LOG.error("Provisioning file not applied, the previous settings stay: {}", e.getMessage());
            }
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
