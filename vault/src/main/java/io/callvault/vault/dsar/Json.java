package io.callvault.vault.dsar;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer for the export's metadata files: maps (in their iteration order), collections,
 * strings, numbers, booleans, null and {@link Raw} JSON; any other value is written as its
 * {@code toString()} string (instants come out as ISO-8601 UTC). Pure and thread-safe.
 */
final class Json {
    /** JSON text written as it is, e.g. a decision stored by the server; the caller vouches it is one JSON value. */
    record Raw(String json) {
        Raw {
            java.util.Objects.requireNonNull(json, "json");
        }
    }

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Integer n -> out.append(n);
            case Long n -> out.append(n);
            case Raw raw -> out.append(raw.json());
            case Map<?, ?> map -> {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(sep);
                    string(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                    sep = ",";
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                String sep = "";
                for (Object o : list) {
                    out.append(sep);
                    write(o, out);
                    sep = ",";
                }
                out.append(']');
            }
            default -> string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
