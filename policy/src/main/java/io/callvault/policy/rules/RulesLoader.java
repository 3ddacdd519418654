package io.callvault.policy.rules;

import io.callvault.core.PhoneNumber;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads rule files into a {@link RuleSet}: the base (normally the built-in defaults) first, then each
 * override in order. In an override, {@code key = value} replaces the base's value, {@code +=} adds to a
 * list and {@code -=} removes from it. Everything is validated at once; any problem throws a
 * {@link RuleFileException} listing them all as {@code FILE:LINE: REASON}. Stateless and thread-safe.
 */
public final class RulesLoader {
    private RulesLoader() {
    }

    /** The built-in defaults alone. */
    public static RuleSet builtIn() {
        return load(List.of(RuleSource.builtIn()));
    }

    /**
     * The built-in defaults with the operator's override file applied.
     *
     * @throws IOException         when the override cannot be read
     * @throws RuleFileException   when either file is not valid
     */
    public static RuleSet builtInWithOverride(Path override) throws IOException {
        return load(List.of(RuleSource.builtIn(), RuleSource.read(override)));
    }

    /**
     * Loads {@code sources}: the first is the base, which must define every fixed key; the others override it.
     *
     * @throws RuleFileException listing every problem found
     */
    public static RuleSet load(List<RuleSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least the base rule file is needed");
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleFileParser.ParsedFile> files = new ArrayList<>();
        for (RuleSource source : sources) {
            files.add(RuleFileParser.parse(source, problems));
        }
        Map<String, Value> values = merge(files, problems);
        throwIfAny(problems);
        return new RuleSetBuilder(files, values, problems).build();
    }

    private static void throwIfAny(List<RuleProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
    }

    /** A key's effective value: its tokens, each with the entry that added it, and every entry that touched it. */
    static final class Value {
        final Map<String, RuleEntry> tokens = new LinkedHashMap<>();
        final List<RuleEntry> entries = new ArrayList<>();

        RuleEntry last() {
            return entries.getLast();
        }

        String single() {
            return tokens.keySet().iterator().next();
        }
    }

    private static Map<String, Value> merge(List<RuleFileParser.ParsedFile> files, List<RuleProblem> problems) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (RuleFileParser.ParsedFile file : files) {
            for (RuleEntry e : file.entries()) {
                String key = e.qualifiedKey();
                switch (e.op()) {
                    case SET -> {
                        Value v = new Value();
                        values.put(key, v);
                        add(v, e);
                    }
                    case ADD -> add(values.computeIfAbsent(key, k -> new Value()), e);
                    case REMOVE -> {
                        Value v = values.get(key);
                        for (String token : e.tokens()) {
                            if (v == null || v.tokens.remove(token) == null) {
                                problems.add(e.problem("cannot remove '" + token + "' from " + e.key()
                                        + ": it is not in the list"));
                            }
                        }
                        if (v != null) {
                            v.entries.add(e);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static void add(Value v, RuleEntry e) {
        v.entries.add(e);
        for (String token : e.tokens()) {
            v.tokens.putIfAbsent(token, e);
        }
    }

    /** Turns merged values into a typed {@link RuleSet}, checking what spans keys (references, overlaps). */
    private static final class RuleSetBuilder {
        private final List<RuleFileParser.ParsedFile> files;
        private final Map<String, Value> values;
        private final List<RuleProblem> problems;

        RuleSetBuilder(List<RuleFileParser.ParsedFile> files, Map<String, Value> values, List<RuleProblem> problems) {
            this.files = files;
            this.values = values;
            this.problems = problems;
        }

        /** @throws RuleFileException when a key is missing or a reference or overlap is wrong */
        RuleSet build() {
            checkRequired();
            throwIfAny(problems);
            Map<String, LawfulBasis> purposes = new LinkedHashMap<>();
            dynamic("purposes").forEach((k, v) -> purposes.put(k, LawfulBasis.parse(v.single())));
            Map<String, Integer> classes = new LinkedHashMap<>();
            dynamic("retention_classes").forEach((k, v) -> classes.put(k, RuleSchema.parseDays(v.single())));
            Map<PhoneNumber, Set<LineFlag>> lines = new LinkedHashMap<>();
            dynamic("lines").forEach((k, v) -> lines.put(PhoneNumber.of(k),
                    v.tokens.keySet().stream().map(LineFlag::parse).collect(Collectors.toCollection(LinkedHashSet::new))));
            Map<String, String> languages = new LinkedHashMap<>();
            dynamic("languages").forEach((k, v) -> languages.put(k, v.single()));
            String defaultLanguage = languages.remove("default");

            String defaultPurpose = reference("general.default_purpose", purposes.keySet(), "[purposes]");
            String defaultRetention = reference("retention.default", classes.keySet(), "[retention_classes]");
            List<FrameworkRetention> byFramework = byFramework(classes.keySet());
            Set<String> gdpr = list("countries.gdpr");
            Set<String> ukGdpr = list("countries.uk_gdpr");
            Set<String> pipeda = list("countries.pipeda");
            disjoint("countries.uk_gdpr", ukGdpr, "gdpr", gdpr);
            disjoint("countries.pipeda", pipeda, "gdpr", gdpr);
            disjoint("countries.pipeda", pipeda, "uk_gdpr", ukGdpr);
            throwIfAny(problems);
            String optOut = values.get("general.opt_out_key").single();
            return new RuleSet(version(), sha256(), files.stream().map(f -> f.source().name()).toList(),
                    bool("general.announce_one_party"), bool("general.announce_own_side"),
                    optOut.equals("none") ? Optional.empty() : Optional.of(optOut), defaultPurpose,
                    list("us.all_party_states"), gdpr, ukGdpr, pipeda, purposes, classes, defaultRetention,
                    byFramework, lines, list("hipaa.phi_roles"), defaultLanguage, languages, origins());
        }

        private void checkRequired() {
            RuleFileParser.ParsedFile base = files.getFirst();
            for (RuleSchema.Section section : RuleSchema.SECTIONS.values()) {
                for (String key : section.keys().keySet()) {
                    if (!values.containsKey(section.name() + "." + key)) {
                        Integer header = base.sectionLines().get(section.name());
                        problems.add(new RuleProblem(base.source().name(), header != null ? header : base.lastLine(),
                                "missing key '" + key + "' in [" + section.name() + "]"
                                        + (header != null ? "" : " (the base file has no [" + section.name() + "] section)")));
                    }
                }
            }
        }

        private Map<String, Value> dynamic(String section) {
            Map<String, Value> result = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(section + ".")) {
                    result.put(k.substring(section.length() + 1), v);
                }
            });
            return result;
        }

        private String reference(String key, Set<String> defined, String where) {
            Value v = values.get(key);
            String name = v.single();
            if (!defined.contains(name)) {
                problems.add(v.last().problem(key.substring(key.indexOf('.') + 1) + " names '" + name
                        + "', which " + where + " does not define; defined: " + String.join(", ", defined)));
            }
            return name;
        }

        private List<FrameworkRetention> byFramework(Set<String> classes) {
            List<FrameworkRetention> steps = new ArrayList<>();
            Set<Framework> seen = new LinkedHashSet<>();
            values.get("retention.by_framework").tokens.forEach((token, entry) -> {
                int colon = token.indexOf(':');
                Framework framework = Framework.parse(token.substring(0, colon));
                String retentionClass = token.substring(colon + 1);
                if (!seen.add(framework)) {
                    problems.add(entry.problem("framework " + framework + " appears twice in by_framework"));
                } else if (!classes.contains(retentionClass)) {
                    problems.add(entry.problem("by_framework names retention class '" + retentionClass
                            + "', which [retention_classes] does not define; defined: " + String.join(", ", classes)));
                } else {
                    steps.add(new FrameworkRetention(framework, retentionClass));
                }
            });
            return steps;
        }

        private void disjoint(String key, Set<String> list, String otherName, Set<String> other) {
            for (String country : list) {
                if (other.contains(country)) {
                    problems.add(values.get(key).tokens.get(country).problem("country " + country + " is in both "
                            + otherName + " and " + key.substring(key.indexOf('.') + 1) + "; a country has one framework"));
                }
            }
        }

        private boolean bool(String key) {
            return RuleSchema.parseBoolean(values.get(key).single());
        }

        private Set<String> list(String key) {
            return new LinkedHashSet<>(values.get(key).tokens.keySet());
        }

        private String version() {
            return files.stream().map(RuleFileParser.ParsedFile::version).collect(Collectors.joining("+"));
        }

        private String sha256() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (RuleFileParser.ParsedFile file : files) {
                    byte[] text = file.source().text().getBytes(StandardCharsets.UTF_8);
                    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(text.length).array());
                    digest.update(text);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        private Map<String, String> origins() {
            Map<String, String> origins = new LinkedHashMap<>();
            values.forEach((key, v) -> {
                origins.put(key, v.entries.stream().map(RuleEntry::where).distinct().collect(Collectors.joining(", ")));
                v.tokens.forEach((token, entry) -> origins.put(key + " " + token, entry.where()));
            });
            return origins;
        }
    }
}
