package io.callvault.policy.rules;

import io.callvault.core.PhoneNumber;
import io.callvault.policy.jurisdiction.IsoCodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a rule file may contain: its sections, the keys of each and the kind of value each key takes, and
 * the checks on single values. docs/policy-rules.md describes the same schema for people; a change here
 * belongs there too.
 */
final class RuleSchema {
    /** Same form as a vault retention policy name, so retention classes can be named after them. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,39}");
    static final int MAX_DAYS = 36_500;
    /** The roles of vault-spi's {@code Role}, by id; the policy module does not depend on the vault. */
    static final List<String> ROLES = List.of("admin", "compliance", "supervisor", "agent", "auditor");
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]");

    /** The kind of value a key takes; list kinds accept '+=' and '-='. */
    enum Kind {
        BOOLEAN(false), DTMF_KEY(false), NAME(false), US_STATES(true), COUNTRIES(true), LAWFUL_BASIS(false),
        DAYS(false), FRAMEWORK_CLASSES(true), LINE_FLAGS(true), ROLES(true), LANGUAGE(false);

        final boolean list;

        Kind(boolean list) {
            this.list = list;
        }
    }

    /** The form of the keys of a section whose keys are chosen by the operator. */
    enum KeyForm { PURPOSE, RETENTION_CLASS, LINE, LOCATION }

    /**
     * A section: fixed keys (all required), operator-chosen keys of one form all taking one kind, or both
     * ({@code [languages]}: the required {@code default} beside one key per location).
     */
    record Section(String name, Map<String, Kind> keys, KeyForm keyForm, Kind valueKind) {
        /** True when only the fixed keys are allowed. */
        boolean fixed() {
            return keyForm == null;
        }
    }

    static final Map<String, Section> SECTIONS = sections(
            new Section("general", ordered("announce_one_party", Kind.BOOLEAN, "announce_own_side", Kind.BOOLEAN,
                    "opt_out_key", Kind.DTMF_KEY, "default_purpose", Kind.NAME), null, null),
            new Section("us", ordered("all_party_states", Kind.US_STATES), null, null),
            new Section("countries", ordered("gdpr", Kind.COUNTRIES, "uk_gdpr", Kind.COUNTRIES,
                    "pipeda", Kind.COUNTRIES), null, null),
            new Section("purposes", Map.of(), KeyForm.PURPOSE, Kind.LAWFUL_BASIS),
            new Section("retention_classes", Map.of(), KeyForm.RETENTION_CLASS, Kind.DAYS),
            new Section("retention", ordered("default", Kind.NAME, "by_framework", Kind.FRAMEWORK_CLASSES), null, null),
            new Section("lines", Map.of(), KeyForm.LINE, Kind.LINE_FLAGS),
            new Section("hipaa", ordered("phi_roles", Kind.ROLES), null, null),
            new Section("languages", ordered("default", Kind.LANGUAGE), KeyForm.LOCATION, Kind.LANGUAGE));

    private RuleSchema() {
    }

    /** Checks an operator-chosen key; returns the problem, or null when the key is well formed. */
    static String checkKey(KeyForm form, String key) {
        return switch (form) {
            case PURPOSE, RETENTION_CLASS -> NAME.matcher(key).matches() ? null
                    : "'" + key + "' is not a valid " + (form == KeyForm.PURPOSE ? "purpose" : "retention class")
                            + " name (1-40 of a-z, 0-9, '_', '-', starting with a letter or digit)";
            case LINE -> {
                try {
                    PhoneNumber.of(key);
                    yield null;
                } catch (IllegalArgumentException e) {
                    yield "bad line number '" + key + "': " + e.getMessage();
                }
            }
            case LOCATION -> checkLocation(key);
        };
    }

    /**
     * A [languages] key: an ISO 3166-1 country, or a subdivision the resolver can place parties in (US states
     * and DC, Canadian provinces and territories), since an entry for any other subdivision could never apply.
     */
    private static String checkLocation(String key) {
        int dash = key.indexOf('-');
        if (dash < 0) {
            return IsoCodes.isCountry(key) ? null : "unknown country '" + key + "' in [languages]; keys are ISO 3166-1 "
                    + "alpha-2 countries in upper case (DE) or a US state or Canadian province (CA-QC), values are "
                    + "language tags (DE = de)";
        }
        if (IsoCodes.isKnownSubdivision(key)) {
            return null;
        }
        String country = key.substring(0, dash);
        return "unknown subdivision '" + key + "' in [languages]; parties are placed in subdivisions only for US "
                + "states and Canadian provinces (US-TX, CA-QC)" + (IsoCodes.isCountry(country) && !country.equals("US")
                && !country.equals("CA") ? ", so write the country, " + country : "");
    }

    /** Checks one token of a value; returns the problem, or null when the token is acceptable. */
    static String checkToken(Kind kind, String key, String token) {
        return switch (kind) {
            case BOOLEAN -> parseBoolean(token) != null ? null
                    : key + " takes yes or no, not '" + token + "'";
            case DTMF_KEY -> token.equals("none") || DTMF.matcher(token).matches() ? null
                    : key + " takes one DTMF key (0-9, *, #, A-D) or none, not '" + token + "'";
            case NAME -> NAME.matcher(token).matches() ? null
                    : key + " takes a name (1-40 of a-z, 0-9, '_', '-'), not '" + token + "'";
            case US_STATES -> IsoCodes.US_STATES.contains(token) ? null
                    : "unknown US state '" + token + "' in " + key
                            + (token.length() == 2 ? " (write US-" + token + ")" : " (ISO 3166-2, e.g. US-CA)");
            case COUNTRIES -> IsoCodes.isCountry(token) ? null
                    : "unknown country '" + token + "' in " + key + " (ISO 3166-1 alpha-2, e.g. DE)";
            case LAWFUL_BASIS -> check(() -> LawfulBasis.parse(token), " for purpose '" + key + "'");
            case DAYS -> parseDays(token) > 0 ? null
                    : "bad number '" + token + "' for retention class '" + key
                            + "': a whole number of days from 1 to " + MAX_DAYS;
            case FRAMEWORK_CLASSES -> checkFrameworkClass(key, token);
            case LINE_FLAGS -> check(() -> LineFlag.parse(token), " for line " + key);
            case ROLES -> ROLES.contains(token) ? null
                    : "unknown role '" + token + "' in " + key + "; known: " + String.join(", ", ROLES);
            case LANGUAGE -> check(() -> LanguageTags.require(token), " for " + key + " in [languages]");
        };
    }

    /** yes/true → TRUE, no/false → FALSE, anything else → null. */
    static Boolean parseBoolean(String token) {
        return switch (token) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The number of days, or -1 when the token is not a whole number from 1 to {@link #MAX_DAYS}. */
    static int parseDays(String token) {
        if (!token.matches("[0-9]{1,6}")) {
            return -1;
        }
        int days = Integer.parseInt(token);
        return days >= 1 && days <= MAX_DAYS ? days : -1;
    }

    private static String checkFrameworkClass(String key, String token) {
        int colon = token.indexOf(':');
        if (colon <= 0 || colon == token.length() - 1) {
            return key + " entries are FRAMEWORK:class (e.g. GDPR:gdpr_limited), not '" + token + "'";
        }
        String framework = token.substring(0, colon);
        String retentionClass = token.substring(colon + 1);
        String problem = check(() -> Framework.parse(framework), " in " + key);
        if (problem != null) {
            return problem;
        }
        return NAME.matcher(retentionClass).matches() ? null
                : "'" + retentionClass + "' in " + key + " is not a retention class name";
    }

    private static String check(Runnable parse, String suffix) {
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int known = message.indexOf(';');
            return known < 0 ? message + suffix : message.substring(0, known) + suffix + message.substring(known);
        }
    }

    private static Map<String, Kind> ordered(Object... keyKindPairs) {
        Map<String, Kind> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyKindPairs.length; i += 2) {
            keys.put((String) keyKindPairs[i], (Kind) keyKindPairs[i + 1]);
        }
        return Collections.unmodifiableMap(keys);
    }

    private static Map<String, Section> sections(Section... sections) {
        Map<String, Section> map = new LinkedHashMap<>();
        for (Section s : sections) {
            map.put(s.name(), s);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The section names, bracketed, for messages. */
    static String sectionNames() {
        return String.join(", ", SECTIONS.keySet().stream().map(n -> "[" + n + "]").toList());
    }
}
