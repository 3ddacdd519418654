package io.callvault.policy.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one rule file into entries, line by line (grammar in docs/policy-rules.md). Every problem is added
 * to the caller's list with its line; a line with a problem yields no entry, so one mistake does not cause
 * a cascade of follow-on errors. Not thread-safe; one instance reads one file.
 */
final class RuleFileParser {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    /**
     * What one file said.
     *
     * @param version      the file's {@code version}, or null when it has none (a problem was reported)
     * @param versionLine  the line of {@code version}, 1 when missing
     * @param sectionLines the line of each section header
     * @param lastLine     the number of lines, at least 1
     */
    record ParsedFile(RuleSource source, String version, int versionLine, List<RuleEntry> entries,
                      Map<String, Integer> sectionLines, int lastLine) {
    }

    private final RuleSource source;
    private final List<RuleProblem> problems;
    private final List<RuleEntry> entries = new ArrayList<>();
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();
    private final Map<String, Integer> setLines = new HashMap<>();
    private String version;
    private int versionLine = 1;
    private boolean started;
    /** The current section, or null before the first header or under an unknown one. */
    private RuleSchema.Section section;
    private boolean inUnknownSection;

    private RuleFileParser(RuleSource source, List<RuleProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** Parses {@code source}, appending its problems to {@code problems}. */
    static ParsedFile parse(RuleSource source, List<RuleProblem> problems) {
        RuleFileParser parser = new RuleFileParser(source, problems);
        String[] lines = source.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i].strip());
        }
        if (!parser.started) {
            parser.problem(1, "missing version: the file is empty; it must start with 'version = …'");
        }
        return new ParsedFile(source, parser.version, parser.versionLine, List.copyOf(parser.entries),
                Map.copyOf(parser.sectionLines), Math.max(1, lines.length));
    }

    private void line(int n, String text) {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        boolean first = !started;
        started = true;
        if (text.startsWith("[")) {
            if (first) {
                problem(n, "missing version: the file must start with 'version = …', found " + text);
            }
            header(n, text);
            return;
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            problem(n, "expected 'key = value', '[section]' or a '#' comment, found '" + text + "'");
            return;
        }
        RuleEntry.Op op = eq > 0 && text.charAt(eq - 1) == '+' ? RuleEntry.Op.ADD
                : eq > 0 && text.charAt(eq - 1) == '-' ? RuleEntry.Op.REMOVE : RuleEntry.Op.SET;
        String key = text.substring(0, op == RuleEntry.Op.SET ? eq : eq - 1).strip();
        String value = text.substring(eq + 1).strip();
        if (key.isEmpty()) {
            problem(n, "missing key before '" + op.symbol + "'");
        } else if (key.equals("version")) {
            version(n, first, op, value);
        } else if (first) {
            problem(n, "missing version: the file must start with 'version = …', found '" + key + "'");
        } else {
            entry(n, key, op, value);
        }
    }

    private void header(int n, String text) {
        if (!text.endsWith("]")) {
            problem(n, "a section header is written [name], found '" + text + "'");
            section = null;
            inUnknownSection = true;
            return;
        }
        String name = text.substring(1, text.length() - 1).strip();
        section = RuleSchema.SECTIONS.get(name);
        inUnknownSection = section == null;
        if (section == null) {
            problem(n, "unknown section [" + name + "]; known: " + RuleSchema.sectionNames());
            return;
        }
        Integer earlier = sectionLines.putIfAbsent(name, n);
        if (earlier != null) {
            problem(n, "duplicate section [" + name + "] (first at line " + earlier + "); write each section once");
        }
    }

    private void version(int n, boolean first, RuleEntry.Op op, String value) {
        if (!first) {
            problem(n, "version is written once, as the first line of the file (before any section)");
        } else if (op != RuleEntry.Op.SET) {
            problem(n, "version takes one value with '=', not '" + op.symbol + "'");
        } else if (!RuleSchema.VERSION.matcher(value).matches()) {
            problem(n, "bad version '" + value + "': 1-40 of letters, digits, '.', '_', '+', '-'");
        } else {
            version = value;
            versionLine = n;
        }
    }

    private void entry(int n, String key, RuleEntry.Op op, String value) {
        if (inUnknownSection) {
            return;
        }
        if (section == null) {
            problem(n, "'" + key + "' is outside any section; put it under one of " + RuleSchema.sectionNames());
            return;
        }
        RuleSchema.Kind kind = section.keys().get(key);
        if (kind == null && section.fixed()) {
            problem(n, "unknown key '" + key + "' in [" + section.name() + "]; known: "
                    + String.join(", ", section.keys().keySet()));
            return;
        } else if (kind == null) {
            String bad = RuleSchema.checkKey(section.keyForm(), key);
            if (bad != null) {
                problem(n, bad);
                return;
            }
            kind = section.valueKind();
        }
        if (op != RuleEntry.Op.SET && !kind.list) {
            problem(n, "'" + op.symbol + "' works on lists; " + key + " takes one value, write '" + key + " = …'");
            return;
        }
        List<String> tokens = value.isEmpty() ? List.of() : Arrays.asList(SEPARATORS.split(value));
        if (!kind.list && tokens.size() != 1) {
            problem(n, key + " takes one value, found " + (tokens.isEmpty() ? "none" : tokens.size() + ": " + value));
            return;
        }
        if (op == RuleEntry.Op.SET) {
            Integer earlier = setLines.putIfAbsent(section.name() + "." + key, n);
            if (earlier != null) {
                problem(n, "duplicate key '" + key + "' in [" + section.name() + "] (first set at line " + earlier
                        + ")" + (kind.list ? "; use '+=' to add to the list" : ""));
                return;
            }
        }
        int before = problems.size();
        for (String token : tokens) {
            String bad = RuleSchema.checkToken(kind, key, token);
            if (bad != null) {
                problem(n, bad);
            }
        }
        if (problems.size() == before) {
            entries.add(new RuleEntry(source, n, section.name(), key, op, tokens));
        }
    }

    private void problem(int line, String reason) {
        problems.add(new RuleProblem(source.name(), line, reason));
    }
}
