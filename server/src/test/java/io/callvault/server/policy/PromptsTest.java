package io.callvault.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.api.announcements.PromptInfo;
import io.callvault.media.announce.Prompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which prompt a language gets, and how operator prompts are stored, replaced and removed. */
class PromptsTest {
    /** Built-ins of these tests: en (always shipped), de and fr-CA. */
    private static final Map<String, Prompt> SHIPPED = Map.of(
            "en", Prompt.fromWav("builtin:recording-notice-en", PromptWavs.tone(440, 300)),
            "de", Prompt.fromWav("builtin:recording-notice-de", PromptWavs.tone(550, 300)),
            "fr-CA", Prompt.fromWav("builtin:recording-notice-fr-CA", PromptWavs.tone(660, 300)));
    private static final Prompt FILE = Prompt.fromWav("file:notice.wav", PromptWavs.tone(770, 300));

    @TempDir
    Path dir;

    private Path promptsDir() {
        return dir.resolve("data").resolve("prompts");
    }

    private Prompts prompts(Optional<Prompt> file, String fallbackLanguage) throws Exception {
        return new Prompts(promptsDir(), file, fallbackLanguage, Set.of("de", "fr-CA", "es"), SHIPPED::get);
    }

    @Test
    void forLanguage_choosesOperatorThenBuiltInThenPrimaryThenFileThenFallbackLanguage() throws Exception {
        Prompts p = prompts(Optional.of(FILE), "en");

        assertThat(p.forLanguage("de").id()).isEqualTo("builtin:recording-notice-de");
        assertThat(p.forLanguage("de-AT").id()).as("primary language's built-in").isEqualTo("builtin:recording-notice-de");
        p.put("de", PromptWavs.tone(880, 200));
        assertThat(p.forLanguage("de").id()).as("operator before built-in").isEqualTo("operator:recording-notice-de");
        assertThat(p.forLanguage("de-AT").id()).as("primary language's operator prompt")
                .isEqualTo("operator:recording-notice-de");
        p.put("fr", PromptWavs.tone(990, 200));
        assertThat(p.forLanguage("fr-CA").id()).as("the tag's built-in before the primary's operator prompt")
                .isEqualTo("builtin:recording-notice-fr-CA");
        p.put("fr-CA", PromptWavs.tone(1100, 200));
        assertThat(p.forLanguage("fr-CA").id()).isEqualTo("operator:recording-notice-fr-CA");
        assertThat(p.forLanguage("es").id()).as("no prompt: the file").isEqualTo("file:notice.wav");
        assertThat(p.forLanguage("not a tag")).isSameAs(FILE);
        assertThat(prompts(Optional.empty(), "en").forLanguage("es").id()).as("no file: the fallback language's")
                .isEqualTo("builtin:recording-notice-en");
    }

    @Test
    void fallbackLanguage_usesItsUploadedPrompt_andWithoutAnyPromptTheShippedEnglish() throws Exception {
        Prompts german = prompts(Optional.empty(), "de-CH");
        assertThat(german.forLanguage("es").id()).as("primary of the fallback language").isEqualTo("builtin:recording-notice-de");
        german.put("de-CH", PromptWavs.tone(880, 200));
        assertThat(german.forLanguage("es").id()).isEqualTo("operator:recording-notice-de-CH");

        Prompts italian = prompts(Optional.empty(), "it");
        assertThat(italian.forLanguage("es").id()).isEqualTo("builtin:recording-notice-en");
        assertThat(italian.fallback()).isSameAs(SHIPPED.get("en"));
    }

    @Test
    void put_replacesAtomically_ownerOnly_andIsReadBackAfterARestart() throws Exception {
        Prompts p = prompts(Optional.empty(), "en");
        byte[] first = PromptWavs.tone(880, 200);
        byte[] second = PromptWavs.tone(990, 400);

        PromptInfo one = p.put("de", first);
        PromptInfo two = p.put("de", second);

        Path stored = promptsDir().resolve("recording-notice-de.wav");
        assertThat(Files.readAllBytes(stored)).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(promptsDir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(promptsDir().getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(promptsDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("recording-notice-de.wav");
        }
        assertThat(two.sha256()).isNotEqualTo(one.sha256()).isEqualTo(Prompt.fromWav("x", second).sha256());
        assertThat(two.duration().toMillis()).isEqualTo(400);
        assertThat(p.forLanguage("de").sha256()).isEqualTo(two.sha256());
        assertThat(prompts(Optional.empty(), "en").forLanguage("de").sha256()).as("after a restart")
                .isEqualTo(two.sha256());
    }

    @Test
    void put_whileCallsAsk_everyCallGetsTheOldOrTheNewPrompt() throws Exception {
        Prompts p = prompts(Optional.empty(), "en");
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            versions.add(Prompt.fromWav("x", PromptWavs.tone(500 + 100 * i, 100)).sha256());
        }
        versions.add(SHIPPED.get("de").sha256());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Set<String>> seen = pool.submit(() -> {
                Set<String> hashes = new java.util.HashSet<>();
                while (!done.get()) {
                    hashes.add(p.forLanguage("de").sha256());
                }
                return hashes;
            });
            for (int i = 0; i < 5; i++) {
                p.put("de", PromptWavs.tone(500 + 100 * i, 100));
            }
            done.set(true);
            assertThat(seen.get()).isSubsetOf(versions);
        } finally {
            pool.shutdownNow();
        }
        assertThat(p.forLanguage("de").sha256()).isEqualTo(versions.get(4));
    }

    @Test
    void put_invalidWav_passesTheReadersMessage_andKeepsThePreviousPrompt() throws Exception {
        Prompts p = prompts(Optional.empty(), "en");
        PromptInfo kept = p.put("de", PromptWavs.tone(880, 200));

        assertThatThrownBy(() -> p.put("de", PromptWavs.wav(880, 200, 2, 16000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prompt must be 8000 Hz mono")
                .hasMessageContaining("this file is 16000 Hz stereo")
                .hasMessageContaining("sox in.wav -r 8000 -c 1 -b 16 out.wav");
        assertThatThrownBy(() -> p.put("DE", PromptWavs.tone(880, 200)))
                .hasMessage("'DE' is not a language tag; write de");
        assertThat(p.forLanguage("de").sha256()).isEqualTo(kept.sha256());
        assertThat(Files.readAllBytes(promptsDir().resolve("recording-notice-de.wav")))
                .isEqualTo(PromptWavs.tone(880, 200));
    }

    @Test
    void remove_deletesTheFile_builtInPlaysAgain_andRemovingAgainFindsNothing() throws Exception {
        Prompts p = prompts(Optional.empty(), "en");
        PromptInfo uploaded = p.put("de", PromptWavs.tone(880, 200));

        Optional<PromptInfo> removed = p.remove("de");

        assertThat(removed).contains(uploaded);
        assertThat(promptsDir().resolve("recording-notice-de.wav")).doesNotExist();
        assertThat(p.forLanguage("de").id()).isEqualTo("builtin:recording-notice-de");
        assertThat(p.remove("de")).isEmpty();
        assertThat(p.remove("en")).as("built-ins cannot be removed").isEmpty();
    }

    @Test
    void list_showsOperatorAndBuiltInPromptsByLanguage_thenTheFile() throws Exception {
        Prompts p = prompts(Optional.of(FILE), "en");
        p.put("de", PromptWavs.tone(880, 200));
        p.put("nl", PromptWavs.tone(990, 200));

        assertThat(p.list()).extracting(i -> i.language() + " " + i.source().id() + " " + i.id()).containsExactly(
                "de operator operator:recording-notice-de", "de builtin builtin:recording-notice-de",
                "en builtin builtin:recording-notice-en", "fr-CA builtin builtin:recording-notice-fr-CA",
                "nl operator operator:recording-notice-nl", "* file file:notice.wav");
        assertThat(p.list().getLast().sha256()).isEqualTo(FILE.sha256());
    }

    @Test
    void storedFileThatIsNoLongerValid_isSkippedAtOpen() throws Exception {
        prompts(Optional.empty(), "en").put("de", PromptWavs.tone(880, 200));
        Files.write(promptsDir().resolve("recording-notice-de.wav"), new byte[] {1, 2, 3});
        Files.write(promptsDir().resolve("recording-notice-DE.wav"), PromptWavs.tone(880, 200));

        Prompts reopened = prompts(Optional.empty(), "en");

        assertThat(reopened.forLanguage("de").id()).isEqualTo("builtin:recording-notice-de");
        assertThat(reopened.list()).noneMatch(i -> i.source() == PromptInfo.Source.OPERATOR);
    }

    @Test
    void shippedPrompts_includeEnglish() throws Exception {
        Prompts p = Prompts.open(promptsDir(), Optional.empty(), "en", Set.of("de"));

        assertThat(p.forLanguage("de").id()).isEqualTo("builtin:recording-notice-en");
        assertThat(p.list()).extracting(PromptInfo::language).containsExactly("en");
    }
}
