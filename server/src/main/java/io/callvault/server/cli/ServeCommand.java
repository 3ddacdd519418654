package io.callvault.server.cli;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.Platform;
import io.callvault.server.Services;
import io.callvault.server.jobs.GovernanceJobs;
import io.callvault.server.policy.Policies;
import io.callvault.server.policy.Prompts;
import io.callvault.server.sip.CallPolicy;
import io.callvault.api.ApiContext;
import io.callvault.api.ApiSettings;
import io.callvault.api.auth.FirstAdmin;
import java.time.InstantSource;
import java.util.Map;
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
        // rule files and the announcement are checked before anything starts: a bad one stops the start
        io.callvault.policy.Policy policy = Policies.load(config);
        Prompts prompts = Policies.prompts(config, policy.rules());
        Platform platform = options.openPlatform();
        Vault vault = platform.vault();
        new CrashRecovery(vault).recover();
        new IntegrityCheck(vault).run(true);
        ProvisioningWatcher provisioning = config.provisioningFile().isPresent()
                ? ProvisioningWatcher.start(config.provisioningFile().get(), config.sip().realm(),
                        Services.directory(vault), vault.keys(), platform.catalog().auditLog())
                : null;
        CallPolicy calls = new CallPolicy(policy, Services.directory(vault), config, platform.catalog().decisions(),
                prompts);
        io.callvault.server.sip.LiveCalls liveCalls = new io.callvault.server.sip.LiveCalls();
        SipServer sip = SipServer.start(config, vault, Services.directory(vault), Services.callLog(vault), calls,
                liveCalls);
        printFirstAdminPassword(platform);
        HttpServer http = HttpServer.start(config.http(), apiContext(platform, config, options.redacted(), policy,
                prompts, liveCalls));
        GovernanceJobs jobs = GovernanceJobs.start(platform, config.jobs());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            try (vault; calls; sip; http; jobs; provisioning) {
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

    /**
     * On the very first start, creates the admin account. Its one-time password goes to standard output
     * only (not the log, which may be shipped elsewhere), exactly once.
     */
    private static void printFirstAdminPassword(Platform platform) throws Exception {
        String chosen = ConfigOptions.env().get(FirstAdmin.ENV_VAR);
        var oneTime = FirstAdmin.ensure(platform.catalog().users(), chosen, InstantSource.system());
        if (oneTime.isPresent()) {
            System.out.println("First start: created user '" + FirstAdmin.USERNAME + "' with the one-time password "
                    + oneTime.get() + " (shown only now; it must be changed at the first sign-in)");
            System.out.flush();
        }
    }

    /**
     * @param policy    the loaded recording policy; policy/explain decides with it, calls set up as live calls are
     * @param prompts   the announcements calls are played, which the API lists and operators replace
     * @param liveCalls the calls being recorded now, whose recording the API pauses and resumes
     */
    static ApiContext apiContext(Platform platform, ServerConfig config, Map<String, String> redacted,
                                 io.callvault.policy.Policy policy, Prompts prompts,
                                 io.callvault.server.sip.LiveCalls liveCalls) {
        ServerConfig.Api a = config.api();
        ApiSettings settings = new ApiSettings(a.secureCookies(), a.maxBodyBytes(), a.maxUploadBytes(), a.sessionTtl(),
                a.lockoutAfterFailures(), a.lockoutBase(), a.lockoutMax());
        io.callvault.vault.spi.Directory directory = platform.catalog().directory();
        return new ApiContext(platform.vault(), platform.catalog().users(), platform.catalog().credentials(),
                platform.audit(), platform.holds(), platform.retention(), platform.catalog().retention(),
                platform.dsars(), policy, (caller, callee, direction) -> io.callvault.server.policy.CallContexts
                        .forCall(caller, callee, direction, directory, config,
                                io.callvault.policy.RecordPreference.NO_PREFERENCE),
                platform.catalog().decisions(), prompts, new io.callvault.server.calls.LiveCallControl(liveCalls),
                () -> Map.copyOf(redacted), InstantSource.system(), settings);
    }
}
