package io.callvault.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.Direction;
import io.callvault.media.announce.Prompt;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.server.config.ServerConfig;
import io.callvault.server.sip.CallPolicy;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.testkit.InMemoryDirectory;
import io.callvault.vault.spi.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call's announcement from configuration to prompt, in-process: the server's policy decides the language
 * from where the announced party is, and {@link CallPolicy#prompt(Decision)} plays the operator's prompt for
 * it once one is uploaded, the English built-in before. The rules override maps Austria to de-AT, which has no
 * prompt of its own, so Austrian calls take the German one.
 */
class AnnouncementLanguageTest {
    @TempDir
    Path dir;
    ServerConfig config;
    Policy policy;
    SqlCatalog catalog;
    final InMemoryDirectory directory = new InMemoryDirectory();

    @BeforeEach
    void setUp() throws Exception {
        Path rules = dir.resolve("rules.conf");
        Files.writeString(rules, "version = acme-1\n[languages]\nAT = de-AT\n");
        Path file = dir.resolve("callvault.properties");
        Files.writeString(file, "data_dir = " + dir.resolve("data") + "\npolicy.rules_file = " + rules + "\n");
        config = ServerConfig.load(file, Map.of());
        policy = Policies.load(config);
        catalog = SqlCatalog.sqlite(dir.resolve("catalog.db"));
        directory.putExtension(new Extension("2001", "Ext 2001", "callvault", "0".repeat(32), "0".repeat(64), "US-NY",
                Set.of(), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterEach
    void tearDown() throws Exception {
        catalog.close();
    }

    private Decision outboundTo(String callee) throws Exception {
        return policy.decide(CallContexts.forCall("2001", callee, Direction.OUT, directory, config, null));
    }

    @Test
    void germanCallee_getsTheUploadedGermanPrompt_andTheEnglishBuiltInBefore() throws Exception {
        Prompts prompts = Policies.prompts(config, policy.rules());
        byte[] german = PromptWavs.tone(523, 1500);
        try (CallPolicy calls = new CallPolicy(policy, directory, config, catalog.decisions(), prompts)) {
            Decision toBerlin = outboundTo("+4930123456");
            Decision toVienna = outboundTo("+4315123456");
            Decision toNewYork = outboundTo("+12125550100");
            assertThat(toBerlin.announcementLanguage()).isEqualTo("de");
            assertThat(toVienna.announcementLanguage()).isEqualTo("de-AT");
            assertThat(toNewYork.announcementLanguage()).isEqualTo("en");
            assertThat(toBerlin.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("languages.DE"));

            assertThat(calls.prompt(toBerlin).id()).as("before the upload").isEqualTo("builtin:recording-notice-en");
            assertThat(calls.prompt(toVienna).id()).isEqualTo("builtin:recording-notice-en");

            prompts.put("de", german);

            Prompt played = calls.prompt(toBerlin);
            assertThat(played.id()).isEqualTo("operator:recording-notice-de");
            assertThat(played.sha256()).isEqualTo(Prompt.fromWav("upload", german).sha256());
            assertThat(calls.prompt(toVienna)).as("de-AT falls back to de").isSameAs(played);
            assertThat(calls.prompt(toNewYork).id()).isEqualTo("builtin:recording-notice-en");
            assertThat(calls.prompt().id()).as("the fallback stays English").isEqualTo("builtin:recording-notice-en");
        }
        assertThat(Policies.promptsDirectory(config).resolve("recording-notice-de.wav")).exists();
        Prompts afterRestart = Policies.prompts(config, policy.rules());
        assertThat(afterRestart.forLanguage("de").id()).isEqualTo("operator:recording-notice-de");
    }
}
