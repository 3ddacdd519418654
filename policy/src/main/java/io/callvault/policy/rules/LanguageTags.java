package io.callvault.policy.rules;

import io.callvault.policy.jurisdiction.IsoCodes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language tags callvault names announcements by: a BCP 47 (RFC 5646) subset in canonical case,
 * {@code language[-Script][-REGION]}, such as {@code de}, {@code fr-CA}, {@code es-419} or {@code zh-Hant-TW}.
 * One spelling per language keeps rule files, decisions and prompt file names
 * ({@code recording-notice-<tag>.wav}) comparable as plain strings. A two-letter language must be an
 * ISO 639-1 code and a two-letter region an ISO 3166-1 country, as the running JDK lists them; three-letter
 * languages and UN M.49 regions are checked for form only. Stateless and thread-safe.
 */
public final class LanguageTags {
    private static final Pattern FORM = Pattern.compile("([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|[0-9]{3}))?");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final String EXAMPLES = "de, fr-CA, es-419 or zh-Hant-TW";

    private LanguageTags() {
    }

    /** True when {@code tag} is a tag in canonical form (see the class comment). */
    public static boolean isValid(String tag) {
        return problem(tag) == null;
    }

    /**
     * Checks {@code tag} and returns it unchanged.
     *
     * @throws IllegalArgumentException saying what is wrong and, for a tag in the wrong case, the right
     *                                  spelling ({@code 'de-at' … write de-AT})
     */
    public static String require(String tag) {
        String problem = problem(tag);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return tag;
    }

    /** The language subtag alone: {@code de} for {@code de-AT}, the tag itself when it has no other subtag. */
    public static String primary(String tag) {
        int dash = require(tag).indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** What is wrong with {@code tag}, or null when it is a valid tag. */
    static String problem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "a language tag is needed; write a BCP 47 tag such as " + EXAMPLES;
        }
        Matcher m = FORM.matcher(tag);
        if (!m.matches()) {
            String canonical = canonical(tag);
            return "'" + tag + "' is not a language tag"
                    + (canonical != null ? "; write " + canonical
                            : "; write a BCP 47 tag, the language in lower case, then optionally a script and a region, "
                                    + "e.g. " + EXAMPLES);
        }
        String language = m.group(1);
        if (language.length() == 2 && !ISO_639_1.contains(language)) {
            return "unknown language '" + language + "' in '" + tag + "'; two-letter languages are ISO 639-1 codes "
                    + "such as de, fr, es";
        }
        String region = m.group(3);
        if (region != null && region.length() == 2 && !IsoCodes.isCountry(region)) {
            return "unknown region '" + region + "' in '" + tag + "'; two-letter regions are ISO 3166-1 countries "
                    + "such as CA in fr-CA";
        }
        return null;
    }

    /** The canonical spelling of a tag written in another case, or null when case is not the only problem. */
    private static String canonical(String tag) {
        String[] parts = tag.split("-", -1);
        StringBuilder sb = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            sb.append('-').append(p.length() == 4 ? p.substring(0, 1).toUpperCase(Locale.ROOT)
                    + p.substring(1).toLowerCase(Locale.ROOT) : p.toUpperCase(Locale.ROOT));
        }
        String result = sb.toString();
        return !result.equals(tag) && FORM.matcher(result).matches() ? result : null;
    }
}
