package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.peers.Harness;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared by the consent tests: the rule override, the shipped prompt, and checks on audio and evidence. */
final class ConsentAssertions {
    private ConsentAssertions() {
    }

    /**
     * A settings line pointing the server at a rule override under {@code dir} that announces to every party,
     * the business's own side included (so an internal call is announced too).
     */
    static String announceToEveryone(Path dir) throws Exception {
        Path rules = dir.resolve("consent.conf");
        Files.writeString(rules, "version = test-consent\n[general]\nannounce_own_side = yes\n");
        return "policy.rules_file = " + rules;
    }

    /** The shipped English recording notice, copied to {@code dir}/prompt.wav for the audio comparisons. */
    static Path builtInPrompt(Path dir) throws Exception {
        Path out = dir.resolve("prompt.wav");
        try (InputStream in = ConsentAssertions.class.getResourceAsStream(
                "/io/callvault/media/announce/recording-notice-en.wav")) {
            Files.copy(in, out);
        }
        return out;
    }

    /** {@code test} does not contain {@code reference} within its first {@code maxOffsetSeconds}. */
    static void assertNoMatch(Path reference, Path test, double maxOffsetSeconds) throws Exception {
        try {
            String said = Harness.assertContains(reference, test, maxOffsetSeconds);
            throw new AssertionError(test.getFileName() + " contains " + reference.getFileName() + ": " + said);
        } catch (IllegalStateException expected) {
            assertThat(expected.getMessage()).contains("NO MATCH");
        }
    }

    /** The first string value of {@code name} in {@code json}; fails if there is none. */
    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
