package io.callvault.api.announcements;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recording announcement a {@link PromptLibrary} can play.
 *
 * @param language the language tag it is for ({@code de}, {@code pt-BR}), or {@link #ANY_LANGUAGE} for the
 *                 configured {@code announcement.file}, which serves every language without a prompt of its own
 * @param source   where it comes from
 * @param id       the id evidence names it by, e.g. {@code operator:recording-notice-de}
 * @param sha256   lower-case hex SHA-256 of its samples as 16-bit little-endian PCM (what evidence records)
 * @param duration how long it plays
 */
public record PromptInfo(String language, Source source, String id, String sha256, Duration duration) {
    /** The language of the {@link Source#FILE} entry. */
    public static final String ANY_LANGUAGE = "*";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Where a prompt comes from. */
    public enum Source {
        /** Uploaded by an operator (stored under the data directory); wins over the built-in one. */
        OPERATOR,
        /** Shipped with callvault. */
        BUILTIN,
        /** The {@code announcement.file} of the configuration. */
        FILE;

        /** The lower-case name the API writes: operator, builtin, file. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PromptInfo {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duration, "duration");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a prompt's sha256 is 64 lower-case hex digits, not " + sha256);
        }
        if ((source == Source.FILE) != language.equals(ANY_LANGUAGE)) {
            throw new IllegalArgumentException("the language " + ANY_LANGUAGE + " belongs to the announcement.file "
                    + "entry alone, not to a " + source.id() + " prompt for '" + language + "'");
        }
    }
}
