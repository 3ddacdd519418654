package io.callvault.server.sip;

import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.media.announce.Prompt;
import io.callvault.policy.CallContext;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.policy.RecordPreference;
import io.callvault.server.config.ServerConfig;
import io.callvault.server.policy.CallContexts;
import io.callvault.server.policy.Prompts;
import io.callvault.sip.b2bua.MediaAnchor;
import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.decision.DecisionRecord;
import io.callvault.vault.spi.decision.DecisionStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SIP side needs of the recording policy: a {@link Decision} per call from the same facts
 * {@code policy explain} uses ({@link CallContexts}), the announcement prompt in the decision's language
 * ({@link Prompts}), and an ordered writer of decision records that keeps database writes off the SIP and
 * media threads. Thread-safe; close once.
 */
public final class CallPolicy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallPolicy.class);

    private final Policy policy;
    private final Directory directory;
    private final ServerConfig config;
    private final DecisionStore decisions;
    private final Prompts prompts;
    /** One thread, so the records of a call are written in the order they were made. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("decision-writer").factory());

    public CallPolicy(Policy policy, Directory directory, ServerConfig config, DecisionStore decisions, Prompts prompts) {
        this.policy = policy;
        this.directory = directory;
        this.config = config;
        this.decisions = decisions;
        this.prompts = prompts;
    }

    /**
     * The announcement of a call whose decision is not at hand: {@code announcement.file}, else the prompt for
     * {@code announcement.language} ({@link Prompts#fallback()}). Calls with a decision use
     * {@link #prompt(Decision)}.
     */
    public Prompt prompt() {
        return prompts.fallback();
    }

    /**
     * The announcement to play for {@code decision}: the prompt for its {@code announcementLanguage}, falling
     * back as {@link Prompts#forLanguage} says. Never fails and does no I/O; an upload is heard from the next
     * call that asks.
     */
    public Prompt prompt(Decision decision) {
        return prompts.forLanguage(decision.announcementLanguage());
    }

    /**
     * Decides for a call. A number that is neither E.164 nor an extension (an anonymous caller) counts as
     * unknown, which the policy treats as the strictest case. If the directory cannot be read, the line flags
     * are unknown: the call is then decided without them and the failure logged.
     *
     * @param recordPref a party's SDP {@code a=recordpref} value, or null
     */
    public Decision decide(MediaAnchor.Participants p, String recordPref) {
        PhoneNumber caller = VaultFrameSink.number(p.caller());
        PhoneNumber callee = VaultFrameSink.number(p.callee());
        Direction direction = p.direction();
        RecordPreference pref = RecordPreference.NO_PREFERENCE;
        if (recordPref != null && !recordPref.isBlank()) {
            try {
                pref = RecordPreference.parse(recordPref.strip());
            } catch (IllegalArgumentException e) {
                LOG.info("{}: ignoring a=recordpref:{} ({})", p.label(), recordPref, e.getMessage());
            }
        }
        CallContext context;
        try {
            context = CallContexts.forCall(caller, callee, direction, directory, config, pref);
        } catch (Exception e) {
            LOG.error("{}: the extensions directory could not be read, deciding without line flags: {}", p.label(),
                    e.toString());
            context = CallContext.of(caller, callee, direction).withRecordPreference(pref)
                    .withBlobStore("s3".equals(config.blobs().store()), config.policy().blobStoreBaa());
        }
        return policy.decide(context);
    }

    /** Stores (replaces) a call's decision record in the background, in submission order. */
    public void store(DecisionRecord record) {
        writer.execute(() -> {
            try {
                decisions.put(record);
            } catch (Exception e) {
                LOG.error("Decision record of call {} could not be stored: {}", record.callId(), e.toString());
            }
        });
    }

    /** Writes what is queued (up to 10 s), then stops. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Some decision records were still being written at shutdown");
        }
    }
}
