package io.callvault.policy.rules;

import io.callvault.core.PhoneNumber;
import io.callvault.policy.jurisdiction.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The effective policy rules: the built-in file with the operator's overrides applied, validated. Built by
 * {@link RulesLoader}; immutable and thread-safe. Each component mirrors a key of the rule file (see
 * docs/policy-rules.md); collections are unmodifiable and iterate in file order.
 *
 * @param version         the base file's version, then {@code +} and each override's version
 * @param sha256          lower-case hex SHA-256 over the texts of all files, in load order (see the docs)
 * @param sourceNames     the files, base first
 * @param announceOneParty  [general] announce_one_party
 * @param announceOwnSide   [general] announce_own_side
 * @param optOutKey         [general] opt_out_key; empty for {@code none}
 * @param defaultPurpose    [general] default_purpose; a key of {@code purposes}
 * @param allPartyStates    [us] all_party_states, ISO 3166-2 codes
 * @param gdprCountries     [countries] gdpr
 * @param ukGdprCountries   [countries] uk_gdpr
 * @param pipedaCountries   [countries] pipeda
 * @param purposes          [purposes]: purpose → lawful basis
 * @param retentionClasses  [retention_classes]: class → days
 * @param defaultRetention  [retention] default; a key of {@code retentionClasses}
 * @param retentionByFramework [retention] by_framework, in order
 * @param lines             [lines]: line or extension → flags
 * @param phiRoles          [hipaa] phi_roles
 * @param defaultLanguage   [languages] default: the announcement's language where no entry applies
 * @param languages         [languages] entries: country ({@code DE}) or subdivision ({@code CA-QC}) → language
 *                          tag ({@link LanguageTags} form)
 * @param origins           {@code section.key} → {@code file:line, …} of the entries that shaped it, and
 *                          {@code section.key token} → {@code file:line} of the entry that added the token
 */
public record RuleSet(String version, String sha256, List<String> sourceNames,
                      boolean announceOneParty, boolean announceOwnSide, Optional<String> optOutKey,
                      String defaultPurpose, Set<String> allPartyStates, Set<String> gdprCountries,
                      Set<String> ukGdprCountries, Set<String> pipedaCountries, Map<String, LawfulBasis> purposes,
                      Map<String, Integer> retentionClasses, String defaultRetention,
                      List<FrameworkRetention> retentionByFramework, Map<PhoneNumber, Set<LineFlag>> lines,
                      Set<String> phiRoles, String defaultLanguage, Map<String, String> languages,
                      Map<String, String> origins) {
    public RuleSet {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(optOutKey, "optOutKey");
        sourceNames = List.copyOf(sourceNames);
        allPartyStates = ordered(allPartyStates);
        gdprCountries = ordered(gdprCountries);
        ukGdprCountries = ordered(ukGdprCountries);
        pipedaCountries = ordered(pipedaCountries);
        purposes = Collections.unmodifiableMap(new LinkedHashMap<>(purposes));
        retentionClasses = Collections.unmodifiableMap(new LinkedHashMap<>(retentionClasses));
        retentionByFramework = List.copyOf(retentionByFramework);
        Map<PhoneNumber, Set<LineFlag>> lineCopy = new LinkedHashMap<>();
        lines.forEach((number, flags) -> lineCopy.put(number, ordered(flags)));
        lines = Collections.unmodifiableMap(lineCopy);
        phiRoles = ordered(phiRoles);
        LanguageTags.require(defaultLanguage);
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        languages.values().forEach(LanguageTags::require);
        origins = Map.copyOf(origins);
        if (!purposes.containsKey(defaultPurpose)) {
            throw new IllegalArgumentException("default purpose '" + defaultPurpose + "' is not among " + purposes.keySet());
        }
        if (!retentionClasses.containsKey(defaultRetention)) {
            throw new IllegalArgumentException("default retention class '" + defaultRetention + "' is not defined");
        }
        for (FrameworkRetention step : retentionByFramework) {
            if (!retentionClasses.containsKey(step.retentionClass())) {
                throw new IllegalArgumentException("retention class '" + step.retentionClass() + "' is not defined");
            }
        }
    }

    /** The lawful basis of a purpose, or empty when the rules do not name that purpose. */
    public Optional<LawfulBasis> lawfulBasis(String purpose) {
        return Optional.ofNullable(purposes.get(purpose));
    }

    /** The flags the [lines] section gives a number; empty when the number is not listed. */
    public Set<LineFlag> lineFlags(PhoneNumber number) {
        return lines.getOrDefault(number, Set.of());
    }

    /**
     * The [languages] key that gives the language of a party at {@code location}: its subdivision's entry if
     * there is one, else its country's; empty when neither is listed or the location is unknown, where
     * {@link #defaultLanguage()} applies.
     */
    public Optional<String> languageEntry(Location location) {
        if (location.hasSubdivision() && languages.containsKey(location.subdivision())) {
            return Optional.of(location.subdivision());
        }
        return location.isKnown() && languages.containsKey(location.country()) ? Optional.of(location.country())
                : Optional.empty();
    }

    /** The announcement language for a party at {@code location}, by {@link #languageEntry}, else the default. */
    public String language(Location location) {
        return languageEntry(location).map(languages::get).orElse(defaultLanguage);
    }

    /** Where a key was set, e.g. {@code default-rules.conf:31}; "built-in" when unknown. */
    public String origin(String qualifiedKey) {
        return origins.getOrDefault(qualifiedKey, "built-in");
    }

    /** Where one token of a list key was added, falling back to the key's origin. */
    public String origin(String qualifiedKey, String token) {
        return origins.getOrDefault(qualifiedKey + " " + token, origin(qualifiedKey));
    }

    private static <T> Set<T> ordered(Set<T> set) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }
}
