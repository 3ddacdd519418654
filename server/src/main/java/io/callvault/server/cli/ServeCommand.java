package io.callvault.server.cli;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.Services;
import io.callvault.server.directory.ProvisioningWatcher;
import io.callvault.server.http.HttpServer;
import io.callvault.server.sip.SipServer;
import io.callvault.vault.CrashRecovery;
import io.callvault.vault.IntegrityCheck;
import io.callvault.vault.Vault;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server (embedded defaults: SQLite and files under ./data). Stops cleanly on SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = options.load();
        Vault vault = options.openVault();
        new CrashRecovery(vault).recover();
        new IntegrityCheck(vault).run(true);
        ProvisioningWatcher provisioning = config.provisioningFile().isPresent()
                ? ProvisioningWatcher.start(config.provisioningFile().get(), config.sip().realm(),
                        Services.directory(vault), vault.keys())
                : null;
        SipServer sip = SipServer.start(config, vault, Services.directory(vault), Services.callLog(vault));
        HttpServer http = HttpServer.start(config.http(), vault);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            try (vault; sip; http; provisioning) {
                LOG.debug("closing HTTP and vault");
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
            stopped.countDown();
            LOG.info("Stopped");
        }, "callvault-shutdown"));
        // logged after the hook is in place, so a SIGTERM right after this line still stops cleanly
        LOG.info("callvault serving: data {}, catalog {}, blobs {}, {}; HTTP on http://{}:{}", config.dataDir(),
                vault.catalog().describe(), vault.blobs().describe(), vault.keys().describe(), config.http().bind(),
                http.port());
        stopped.await();
        return 0;
    }
}
