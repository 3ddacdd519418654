package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callvault.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/callvault policy explain and policy check, in-process on the embedded catalog. */
class PolicyCliTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("callvault.properties");
        Files.writeString(config, "data_dir = " + dir.resolve("data") + "\n");
    }

    Cli.Result run(String... args) {
        return new Cli(config).run(args);
    }

    private Path overrideFile(String text) throws Exception {
        Path rules = dir.resolve("rules.conf");
        Files.writeString(rules, text);
        Files.writeString(config, "data_dir = " + dir.resolve("data") + "\npolicy.rules_file = " + rules + "\n");
        return rules;
    }

    @Test
    void explain_californiaToGermany_showsGdprAndAllPartyConsentReasons() {
        Cli.Result r = run("policy", "explain", "--caller", "+14155550123", "--callee", "+4930123456");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("decision:    RECORD", "consent:     ALL_PARTY_CONSENT, opt-out key 9",
                "frameworks:  GDPR, US_ALL_PARTY", "+14155550123 -> US-CA by nanp_area_code",
                "+4930123456 -> DE by e164_region", "[countries.gdpr, default-rules.conf:", "[us.all_party_states, "
                        + "default-rules.conf:", "call:        in,");
    }

    @Test
    void explainJson_parsesAsTheDecision() throws Exception {
        Cli.Result r = run("policy", "explain", "--caller", "+4930123456", "--callee", "+14155550123",
                "--direction", "in", "--line-flag", "pci", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertThat(d.path("format").asInt()).isEqualTo(2);
        assertThat(d.path("announcementLanguage").asText()).isEqualTo("de");
        assertThat(d.path("frameworks").toString()).isEqualTo("[\"GDPR\",\"US_ALL_PARTY\",\"PCI_DSS\"]");
        assertThat(d.path("flags").path("pciPause").asBoolean()).isTrue();
        assertThat(d.path("rulesSha256").asText()).isEqualTo(Policy.builtIn().rules().sha256());
        assertThat(d.path("reasons").get(0).has("origin")).isTrue();
    }

    @Test
    void explain_extensionInCalifornia_resolvesByOfficeLocation_withItsFlags() {
        Cli.Result add = run("extension", "add", "2100", "--location", "US-CA", "--flag", "hipaa",
                "--generate-password");
        assertThat(add.exit()).as(add.err()).isZero();

        Cli.Result r = run("policy", "explain", "--caller", "+4930123456", "--callee", "2100");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2100 -> US-CA by office_location", "frameworks:  GDPR, US_ALL_PARTY, HIPAA",
                "line flags hipaa", "announce:    to caller");
    }

    @Test
    void checkAndExplain_overrideWithErrors_exitNonZeroNamingFileAndEveryLine() throws Exception {
        Path rules = overrideFile("version = acme-1\n\n[us]\nall_party_states += US-XX\n[lines]\n2100 = hipa\n");

        Cli.Result check = run("policy", "check");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains(rules + ":4: unknown US state 'US-XX'", rules + ":6: unknown line flag 'hipa'");
        assertThat(check.out()).doesNotContain("OK");
        Cli.Result explain = run("policy", "explain", "--caller", "+14155550123", "--callee", "2100");
        assertThat(explain.exit()).isEqualTo(1);
        assertThat(explain.err()).contains(rules + ":4:");
    }

    @Test
    void check_validOverride_printsVersionHashAndFiles_andExplainUsesIt() throws Exception {
        Path rules = overrideFile("version = acme-3\n[us]\nall_party_states -= US-CA\n");

        Cli.Result check = run("policy", "check");
        assertThat(check.exit()).as(check.err()).isZero();
        String version = Policy.builtIn().rules().version() + "+acme-3";
        assertThat(check.out()).contains("policy rules OK", "version: " + version,
                "files:   default-rules.conf (built-in)", rules.toString()).containsPattern("sha256:  [0-9a-f]{64}");
        Cli.Result explain = run("policy", "explain", "--caller", "+14155550123", "--callee", "+14155550199");
        assertThat(explain.out()).contains("frameworks:  US_ONE_PARTY", "version " + version);
    }

    @Test
    void badPolicySettings_nameTheKey() throws Exception {
        Files.writeString(config, "data_dir = " + dir.resolve("data") + "\npolicy.rules_file = " + dir.resolve("none")
                + "\n");
        Cli.Result missing = run("policy", "check");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("policy.rules_file", "is not one");
        Files.writeString(config, "data_dir = " + dir.resolve("data") + "\nannouncement.language = English\n");
        Cli.Result language = run("policy", "check");
        assertThat(language.exit()).isNotZero();
        assertThat(language.err()).contains("announcement.language", "BCP 47");
        Cli.Result elsewhere = run("policy", "check", "--rules", dir.resolve("none").toString());
        assertThat(elsewhere.exit()).isNotZero();
        assertThat(elsewhere.err()).contains("cannot read the policy rule file");
    }
}
