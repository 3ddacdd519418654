package io.callvault.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ordered {@code ;name[=value]} parameters. Names compare case-insensitively on lookup (RFC 3261 §7.3.1,
 * §19.1.4) and keep their spelling. In a {@link SipUri} names and values are stored decoded (escapes
 * resolved); in header fields ({@link NameAddr}, {@link Via}) values are kept as written, so a
 * quoted-string value keeps its quotes. A parameter without '=' has an empty {@code value}.
 */
public record Params(List<Param> list) {
    public static final Params EMPTY = new Params(List.of());

    /** One parameter; {@code value} is empty for a flag such as {@code ;lr}. */
    public record Param(String name, Optional<String> value) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("parameter name must not be empty");
            }
        }
    }

    public Params {
        list = List.copyOf(list);
    }

    public boolean has(String name) {
        return find(name) >= 0;
    }

    /** The value of the first parameter with this name; empty if it is absent or has no value. */
    public Optional<String> value(String name) {
        int i = find(name);
        return i < 0 ? Optional.empty() : list.get(i).value();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** A copy where the parameter is set to {@code value} (replacing the first one of that name) or added. */
    public Params with(String name, String value) {
        return put(new Param(name, Optional.of(value)));
    }

    /** A copy with a value-less flag parameter (e.g. {@code lr}, {@code rport}). */
    public Params withFlag(String name) {
        return put(new Param(name, Optional.empty()));
    }

    public Params without(String name) {
        List<Param> out = new ArrayList<>(list.size());
        for (Param p : list) {
            if (!p.name().equalsIgnoreCase(name)) {
                out.add(p);
            }
        }
        return out.size() == list.size() ? this : new Params(out);
    }

    private Params put(Param param) {
        List<Param> out = new ArrayList<>(list);
        int i = find(param.name());
        if (i >= 0) {
            out.set(i, param);
        } else {
            out.add(param);
        }
        return new Params(out);
    }

    private int find(String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Header-field form: {@code ;name=value} per parameter, values written as stored. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Param p : list) {
            out.append(';').append(p.name());
            p.value().ifPresent(v -> out.append('=').append(v));
        }
        return out.toString();
    }

    /**
     * Reads header parameters ({@code *( SEMI generic-param )}, RFC 3261 §25.1) from the cursor up to the
     * end of the value. gen-value = token / host / quoted-string; values are kept verbatim.
     */
    static Params parseHeaderParams(Cursor in) {
        List<Param> out = new ArrayList<>();
        while (in.separator(';')) {
            String name = in.token("parameter name");
            Optional<String> value = Optional.empty();
            if (in.separator('=')) {
                value = Optional.of(genValue(in));
            }
            out.add(new Param(name, value));
        }
        in.skipLws();
        if (!in.atEnd()) {
            throw in.fail("expected ';' before the next parameter or the end of the value");
        }
        return out.isEmpty() ? EMPTY : new Params(out);
    }

    private static String genValue(Cursor in) {
        if (in.peek() == '"') {
            return in.quotedStringRaw("parameter value");
        }
        int start = in.pos();
        while (!in.atEnd()) {
            char c = in.peek();
            if (!SipGrammar.isTokenChar(c) && c != '[' && c != ']' && c != ':') {
                break;
            }
            in.next();
        }
        if (in.pos() == start) {
            throw in.fail("expected a token, host or quoted-string as parameter value");
        }
        return in.text().substring(start, in.pos());
    }
}
