package io.callvault.server.policy;

import io.callvault.api.announcements.PromptInfo;
import io.callvault.api.announcements.PromptLibrary;
import io.callvault.media.announce.Prompt;
import io.callvault.policy.rules.LanguageTags;
import io.callvault.vault.keys.SecureFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording announcements the server plays, and which one a call gets (docs/announcements.md): the
 * built-in prompts, the operator's prompts stored as {@code <directory>/recording-notice-<language>.wav}, and
 * the configured {@code announcement.file}.
 *
 * <p>{@link #forLanguage} picks, for a decision's language tag: the operator prompt for the tag, else the
 * built-in one; else the operator or built-in prompt for its primary language ({@code de} for {@code de-AT});
 * else {@link #fallback()}. It never fails and does no I/O for the languages given at construction (their
 * built-ins are read then; any other language's once, on first use), so it may run on call set-up threads;
 * each language that falls back is logged once (again after the next change).
 *
 * <p>Operator prompts are written atomically (temporary file, fsync, rename, owner-only like the rest of the
 * data directory) and validated completely before; a change is in effect for the next call that asks.
 * Thread-safe: readers never block; {@link #put} and {@link #remove} are serialised.
 */
public final class Prompts implements PromptLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(Prompts.class);
    private static final Pattern FILE_NAME = Pattern.compile("recording-notice-(.+)\\.wav");
    /** Shipped with callvault, so the last resort is always there. */
    private static final String SHIPPED = "en";

    private final Path directory;
    private final Optional<Prompt> file;
    private final String fallbackLanguage;
    /** Returns the built-in prompt for a tag, or null when none is shipped. */
    private final Function<String, Prompt> builtInLoader;
    /** Languages whose built-in prompts {@link #list} shows, besides those with operator prompts. */
    private final Set<String> listed = new TreeSet<>();
    private final Map<String, Optional<Prompt>> builtIns = new ConcurrentHashMap<>();
    private final Map<String, Prompt> operator = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Prompt lastResort;
    private final Object writes = new Object();

    /**
     * Reads the operator prompts in {@code directory} (which need not exist yet; it is created, owner-only, by
     * the first {@link #put}). A stored file that is not a valid prompt is logged and skipped.
     *
     * @param file             the configured {@code announcement.file}, if any
     * @param fallbackLanguage {@code announcement.language}: whose prompt plays when a call's language has
     *                         none and no file is configured
     * @param languages        the languages calls may be decided in (the rules' [languages]); their built-in
     *                         prompts, and those of their primary languages, are read now and listed
     * @throws IOException              when the directory cannot be read
     * @throws IllegalArgumentException when {@code fallbackLanguage} is not a language tag
     */
    public static Prompts open(Path directory, Optional<Prompt> file, String fallbackLanguage,
                               Collection<String> languages) throws IOException {
        return new Prompts(directory, file, fallbackLanguage, languages, Prompts::shipped);
    }

    Prompts(Path directory, Optional<Prompt> file, String fallbackLanguage, Collection<String> languages,
            Function<String, Prompt> builtInLoader) throws IOException {
        this.directory = directory;
        this.file = file;
        this.fallbackLanguage = LanguageTags.require(fallbackLanguage);
        this.builtInLoader = builtInLoader;
        this.lastResort = builtIn(SHIPPED).orElseThrow(() -> new IllegalStateException(
                "the built-in " + SHIPPED + " recording notice is missing from the classpath"));
        for (String language : languages) {
            listed.add(language);
            listed.add(LanguageTags.primary(language));
        }
        listed.add(this.fallbackLanguage);
        listed.add(SHIPPED);
        listed.forEach(this::builtIn);
        load();
        if (file.isEmpty() && own(this.fallbackLanguage) == null) {
            LOG.warn("announcement.language = {} has no prompt (none built in, none uploaded) and announcement.file "
                    + "is not set: calls without a prompt in their own language hear {}; upload one with PUT "
                    + "/api/v1/announcements/{}", this.fallbackLanguage, fallback().id(), this.fallbackLanguage);
        }
    }

    /** The prompt for a call in {@code language} (a decision's announcement language); never null. */
    public Prompt forLanguage(String language) {
        if (language != null && LanguageTags.isValid(language)) {
            Prompt own = own(language);
            String primary = LanguageTags.primary(language);
            if (own == null && !primary.equals(language)) {
                own = own(primary);
            }
            if (own != null) {
                return own;
            }
        }
        Prompt fallback = fallback();
        if (!reported.add(String.valueOf(language))) {
            return fallback;
        }
        if (language == null || !LanguageTags.isValid(language)) {
            LOG.error("A call's announcement language '{}' is not a language tag; it hears {}", language,
                    fallback.id());
        } else {
            String primary = LanguageTags.primary(language);
            LOG.warn("No recording announcement in '{}': calls in it hear {} instead; upload one with PUT "
                    + "/api/v1/announcements/{}", language, fallback.id(),
                    primary.equals(language) ? language : language + " (or " + primary + ")");
        }
        return fallback;
    }

    /**
     * What plays when a call's language has no prompt: {@code announcement.file} if configured, else the
     * prompt for {@code announcement.language} (or its primary language), else the built-in English one.
     */
    public Prompt fallback() {
        if (file.isPresent()) {
            return file.get();
        }
        Prompt own = own(fallbackLanguage);
        if (own == null) {
            own = own(LanguageTags.primary(fallbackLanguage));
        }
        return own != null ? own : lastResort;
    }

    @Override
    public List<PromptInfo> list() {
        Set<String> languages = new TreeSet<>(listed);
        languages.addAll(operator.keySet());
        List<PromptInfo> all = new ArrayList<>();
        for (String language : languages) {
            Prompt uploaded = operator.get(language);
            if (uploaded != null) {
                all.add(info(language, PromptInfo.Source.OPERATOR, uploaded));
            }
            builtIn(language).ifPresent(p -> all.add(info(language, PromptInfo.Source.BUILTIN, p)));
        }
        file.ifPresent(p -> all.add(info(PromptInfo.ANY_LANGUAGE, PromptInfo.Source.FILE, p)));
        return all;
    }

    @Override
    public PromptInfo put(String language, byte[] wav) throws IOException {
        LanguageTags.require(language);
        Prompt prompt = Prompt.fromWav(operatorId(language), wav);
        synchronized (writes) {
            SecureFiles.writeOwnerOnly(path(language), wav, false);
            operator.put(language, prompt);
            reported.clear();
        }
        LOG.info("Recording announcement for '{}' uploaded: {}", language, prompt);
        return info(language, PromptInfo.Source.OPERATOR, prompt);
    }

    @Override
    public Optional<PromptInfo> remove(String language) throws IOException {
        LanguageTags.require(language);
        Prompt removed;
        synchronized (writes) {
            removed = operator.get(language);
            if (removed == null) {
                return Optional.empty();
            }
            Files.deleteIfExists(path(language));
            fsync(directory);
            operator.remove(language);
            reported.clear();
        }
        LOG.info("Recording announcement for '{}' removed: {}", language, removed);
        return Optional.of(info(language, PromptInfo.Source.OPERATOR, removed));
    }

    private Prompt own(String language) {
        Prompt uploaded = operator.get(language);
        return uploaded != null ? uploaded : builtIn(language).orElse(null);
    }

    private Optional<Prompt> builtIn(String language) {
        return builtIns.computeIfAbsent(language, l -> Optional.ofNullable(builtInLoader.apply(l)));
    }

    private void load() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "recording-notice-*.wav")) {
            for (Path f : files) {
                Matcher m = FILE_NAME.matcher(f.getFileName().toString());
                if (!m.matches() || !LanguageTags.isValid(m.group(1))) {
                    LOG.warn("Ignoring {}: not recording-notice-<language tag>.wav", f);
                    continue;
                }
                try {
                    operator.put(m.group(1), Prompt.fromWav(operatorId(m.group(1)), Files.readAllBytes(f)));
                } catch (IllegalArgumentException e) {
                    LOG.error("Ignoring the uploaded announcement {}: {}; upload it again", f, e.getMessage());
                }
            }
        }
    }

    private Path path(String language) {
        return directory.resolve("recording-notice-" + language + ".wav");
    }

    private static String operatorId(String language) {
        return "operator:recording-notice-" + language;
    }

    private static PromptInfo info(String language, PromptInfo.Source source, Prompt p) {
        return new PromptInfo(language, source, p.id(), p.sha256(), p.duration());
    }

    private static Prompt shipped(String language) {
        try {
            return Prompt.builtIn(language);
        } catch (IllegalArgumentException notShipped) {
            return null;
        }
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
