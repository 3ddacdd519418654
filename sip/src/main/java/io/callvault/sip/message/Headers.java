package io.callvault.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The header fields of a message, in order (RFC 3261 §7.3). Immutable; every {@code withX} returns a
 * copy. Names are looked up ignoring case and compact forms ({@code v}, {@code Via} and {@code VIA} are
 * one field). A value added for a list field ({@link HeaderNames#isList}) is split at each comma that
 * is outside quotes and angle brackets, so {@code Via: a, b} is held as two entries and
 * {@link #first(String)} of Via is the top Via; every other field is held as written, commas and all.
 * Content-Length is held only while a codec reads or writes a message: the message records derive it
 * from the body.
 */
public final class Headers implements Iterable<Header> {
    public static final Headers EMPTY = new Headers(List.of());

    private final List<Header> entries;

    private Headers(List<Header> entries) {
        this.entries = entries;
    }

    /** Headers from entries in order; values of list fields are split into one entry per element. */
    public static Headers of(List<Header> entries) {
        List<Header> out = new ArrayList<>(entries.size());
        for (Header h : entries) {
            addSplit(out, h);
        }
        return new Headers(Collections.unmodifiableList(out));
    }

    /** Headers from alternating names and values: {@code of("Via", "SIP/2.0/UDP h", "Max-Forwards", "70")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name, value pairs; got an odd count "
                    + namesAndValues.length);
        }
        List<Header> list = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(list);
    }

    public List<Header> entries() {
        return entries;
    }

    @Override
    public Iterator<Header> iterator() {
        return entries.iterator();
    }

    public int size() {
        return entries.size();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    public int count(String name) {
        return all(name).size();
    }

    /** The first value of the field, e.g. the top Via. */
    public Optional<String> first(String name) {
        String canonical = HeaderNames.canonical(name);
        for (Header h : entries) {
            if (h.name().equalsIgnoreCase(canonical)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of the field in order. */
    public List<String> all(String name) {
        String canonical = HeaderNames.canonical(name);
        List<String> out = new ArrayList<>(2);
        for (Header h : entries) {
            if (h.name().equalsIgnoreCase(canonical)) {
                out.add(h.value());
            }
        }
        return out;
    }

    /** A copy with the value appended after all other fields. */
    public Headers with(String name, String value) {
        List<Header> out = new ArrayList<>(entries);
        addSplit(out, new Header(name, value));
        return new Headers(Collections.unmodifiableList(out));
    }

    /**
     * A copy with the value placed before the first field of that name (or at the top when there is none):
     * how a proxy or B2BUA pushes a Via or Record-Route (RFC 3261 §16.6).
     */
    public Headers withFirst(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        int at = 0;
        while (at < entries.size() && !entries.get(at).name().equalsIgnoreCase(canonical)) {
            at++;
        }
        if (at == entries.size()) {
            at = 0;
        }
        List<Header> added = new ArrayList<>(1);
        addSplit(added, new Header(name, value));
        List<Header> out = new ArrayList<>(entries.size() + added.size());
        out.addAll(entries.subList(0, at));
        out.addAll(added);
        out.addAll(entries.subList(at, entries.size()));
        return new Headers(Collections.unmodifiableList(out));
    }

    /** A copy where the field has exactly this value, at the position of its first old value (or appended). */
    public Headers withOnly(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        List<Header> out = new ArrayList<>(entries.size() + 1);
        boolean placed = false;
        for (Header h : entries) {
            if (!h.name().equalsIgnoreCase(canonical)) {
                out.add(h);
            } else if (!placed) {
                addSplit(out, new Header(name, value));
                placed = true;
            }
        }
        if (!placed) {
            addSplit(out, new Header(name, value));
        }
        return new Headers(Collections.unmodifiableList(out));
    }

    /** A copy without any value of the field. */
    public Headers without(String name) {
        String canonical = HeaderNames.canonical(name);
        List<Header> out = new ArrayList<>(entries.size());
        for (Header h : entries) {
            if (!h.name().equalsIgnoreCase(canonical)) {
                out.add(h);
            }
        }
        return out.size() == entries.size() ? this : new Headers(Collections.unmodifiableList(out));
    }

    /** A copy without the first value of the field (e.g. popping the top Via, RFC 3261 §8.1.3.3). */
    public Headers withoutFirst(String name) {
        String canonical = HeaderNames.canonical(name);
        List<Header> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equalsIgnoreCase(canonical)) {
                out.remove(i);
                return new Headers(Collections.unmodifiableList(out));
            }
        }
        return this;
    }

    private static void addSplit(List<Header> out, Header h) {
        if (!HeaderNames.isList(h.name()) || h.value().indexOf(',') < 0) {
            out.add(h);
            return;
        }
        for (String element : splitList(h.value())) {
            out.add(new Header(h.name(), element));
        }
    }

    /** Splits at commas outside quoted-strings (honouring quoted-pairs) and outside {@code <...>}. */
    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        boolean angle = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"' && !angle) {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                out.add(SipGrammar.trimLws(value.substring(start, i)));
                start = i + 1;
            }
        }
        out.add(SipGrammar.trimLws(value.substring(start)));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Header h : entries) {
            out.append(h).append("\r\n");
        }
        return out.toString();
    }
}
