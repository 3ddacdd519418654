package io.callvault.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sip: or sips: URI (RFC 3261 §19.1). User, password, parameters and headers are held decoded (escapes
 * resolved per §19.1.2, so {@code sip:null-%00-null@host} has the 11-character user
 * {@code "null-\0-null"}); {@link #toString()} escapes again whatever the component's grammar does not
 * allow. The host is kept as written (IPv6 references with their brackets). Record equality is exact;
 * {@link #equivalent} is the §19.1.4 comparison.
 */
public record SipUri(boolean secure, Optional<String> user, Optional<String> password, String host,
        OptionalInt port, Params params, Params headers) implements Uri {

    public SipUri {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(headers, "headers");
        if (!Hosts.isValidHost(host)) {
            throw new SipParseException("'" + SipGrammar.shown(host)
                    + "' is not a valid host: expected a host name, an IPv4 address"
                    + " or a bracketed IPv6 address (RFC 3261 §25.1)");
        }
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new SipParseException("port " + port.getAsInt() + " is outside 0..65535");
        }
        if (user.isPresent() && user.get().isEmpty()) {
            throw new SipParseException("the user part of a SIP URI must not be empty when '@' is present");
        }
        if (password.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("a SIP URI cannot carry a password without a user");
        }
        user.ifPresent(u -> SipGrammar.checkUnicode(u, "user"));
        password.ifPresent(p -> SipGrammar.checkUnicode(p, "password"));
        for (Params.Param p : params.list()) {
            SipGrammar.checkUnicode(p.name(), "URI parameter name");
            p.value().ifPresent(v -> SipGrammar.checkUnicode(v, "URI parameter value"));
            if (p.value().isPresent() && p.value().get().isEmpty()) {
                throw new SipParseException("URI parameter '" + p.name()
                        + "=' has an empty value (RFC 3261 §25.1 pvalue)");
            }
        }
        for (Params.Param h : headers.list()) {
            SipGrammar.checkUnicode(h.name(), "URI header name");
            h.value().ifPresent(v -> SipGrammar.checkUnicode(v, "URI header value"));
            if (h.value().isEmpty()) {
                throw new SipParseException("URI header '" + h.name() + "' needs '=' and a value (RFC 3261 §25.1)");
            }
        }
    }

    /** {@code sip:host}. */
    public static SipUri of(String host) {
        return new SipUri(false, Optional.empty(), Optional.empty(), host, OptionalInt.empty(), Params.EMPTY,
                Params.EMPTY);
    }

    /** {@code sip:user@host}; {@code user} is given decoded. */
    public static SipUri of(String user, String host) {
        return of(host).withUser(user);
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    public Optional<String> transport() {
        return params.value("transport");
    }

    public Optional<String> maddr() {
        return params.value("maddr");
    }

    /** True for a loose-routing URI ({@code ;lr}, RFC 3261 §19.1.1). */
    public boolean isLooseRouting() {
        return params.has("lr");
    }

    /** {@code host[:port]}. */
    public String hostPort() {
        return port.isPresent() ? host + ":" + port.getAsInt() : host;
    }

    public SipUri withSecure(boolean sips) {
        return new SipUri(sips, user, password, host, port, params, headers);
    }

    public SipUri withUser(String decodedUser) {
        return new SipUri(secure, Optional.of(decodedUser), password, host, port, params, headers);
    }

    public SipUri withoutUser() {
        return new SipUri(secure, Optional.empty(), Optional.empty(), host, port, params, headers);
    }

    public SipUri withHost(String newHost) {
        return new SipUri(secure, user, password, newHost, port, params, headers);
    }

    public SipUri withPort(int newPort) {
        return new SipUri(secure, user, password, host, OptionalInt.of(newPort), params, headers);
    }

    public SipUri withoutPort() {
        return new SipUri(secure, user, password, host, OptionalInt.empty(), params, headers);
    }

    public SipUri withParams(Params newParams) {
        return new SipUri(secure, user, password, host, port, newParams, headers);
    }

    public SipUri withHeaders(Params newHeaders) {
        return new SipUri(secure, user, password, host, port, params, newHeaders);
    }

    public static SipUri parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        boolean sips = scheme.equalsIgnoreCase("sips");
        if (!sips && !scheme.equalsIgnoreCase("sip")) {
            throw new SipParseException("'" + SipGrammar.shown(text) + "' is not a sip: or sips: URI");
        }
        String rest = text.substring(colon + 1);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            int pw = userinfo.indexOf(':');
            String rawUser = pw < 0 ? userinfo : userinfo.substring(0, pw);
            user = Optional.of(SipGrammar.unescape(rawUser, SipGrammar::isUserChar, "URI user part"));
            if (pw >= 0) {
                password = Optional.of(SipGrammar.unescape(userinfo.substring(pw + 1), SipGrammar::isPasswordChar,
                        "URI password"));
            }
            rest = rest.substring(at + 1);
        }
        int hostEnd = rest.startsWith("[") ? rest.indexOf(']') + 1 : 0;
        if (rest.startsWith("[") && hostEnd == 0) {
            throw new SipParseException("'" + SipGrammar.shown(text) + "': IPv6 reference lacks its closing ']'");
        }
        int end = hostEnd;
        while (end < rest.length() && rest.charAt(end) != ';' && rest.charAt(end) != '?') {
            end++;
        }
        String hostPort = rest.substring(0, end);
        int portColon = hostPort.lastIndexOf(':');
        if (portColon >= 0 && portColon < hostEnd) {
            portColon = -1;
        }
        String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        OptionalInt port = OptionalInt.empty();
        if (portColon >= 0) {
            port = OptionalInt.of(parsePort(hostPort.substring(portColon + 1), text));
        }
        int q = rest.indexOf('?', end);
        String paramText = q < 0 ? rest.substring(end) : rest.substring(end, q);
        Params params = parseUriParams(paramText, text);
        Params headers = q < 0 ? Params.EMPTY : parseUriHeaders(rest.substring(q + 1), text);
        try {
            return new SipUri(sips, user, password, host, port, params, headers);
        } catch (IllegalArgumentException e) {
            throw new SipParseException("'" + SipGrammar.shown(text) + "': " + e.getMessage());
        }
    }

    private static int parsePort(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SipParseException("'" + SipGrammar.shown(text) + "': port '" + SipGrammar.shown(digits)
                    + "' is not a number of 1 to 5 digits");
        }
        return Integer.parseInt(digits);
    }

    private static Params parseUriParams(String paramText, String text) {
        if (paramText.isEmpty()) {
            return Params.EMPTY;
        }
        List<Params.Param> out = new ArrayList<>();
        for (String item : paramText.substring(1).split(";", -1)) {
            int eq = item.indexOf('=');
            String name = SipGrammar.unescape(eq < 0 ? item : item.substring(0, eq), SipGrammar::isParamChar,
                    "URI parameter name in '" + SipGrammar.shown(text) + "'");
            if (name.isEmpty()) {
                throw new SipParseException("'" + SipGrammar.shown(text)
                        + "': empty URI parameter (RFC 3261 §25.1 uri-parameter)");
            }
            Optional<String> value = eq < 0 ? Optional.empty()
                    : Optional.of(SipGrammar.unescape(item.substring(eq + 1), SipGrammar::isParamChar,
                            "URI parameter value in '" + SipGrammar.shown(text) + "'"));
            out.add(new Params.Param(name, value));
        }
        return new Params(out);
    }

    private static Params parseUriHeaders(String headerText, String text) {
        List<Params.Param> out = new ArrayList<>();
        for (String item : headerText.split("&", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new SipParseException("'" + SipGrammar.shown(text) + "': URI header '"
                        + SipGrammar.shown(item) + "' is not hname=hvalue");
            }
            String name = SipGrammar.unescape(item.substring(0, eq), SipGrammar::isHeaderChar, "URI header name");
            String value = SipGrammar.unescape(item.substring(eq + 1), SipGrammar::isHeaderChar, "URI header value");
            out.add(new Params.Param(name, Optional.of(value)));
        }
        return new Params(out);
    }

    /**
     * RFC 3261 §19.1.4: same scheme; user and password equal (case-sensitive, after decoding); host
     * case-insensitive; ports equal (an absent port does not match an explicit 5060); parameters present
     * in both equal ignoring case; user, ttl, method and maddr present in one only never match; headers
     * must be present in both and equal.
     */
    public boolean equivalent(SipUri other) {
        if (secure != other.secure || !user.equals(other.user) || !password.equals(other.password)
                || !host.equalsIgnoreCase(other.host) || !port.equals(other.port)) {
            return false;
        }
        for (Params.Param p : params.list()) {
            if (other.params.has(p.name())) {
                if (!p.value().map(v -> v.toLowerCase(Locale.ROOT))
                        .equals(other.params.value(p.name()).map(v -> v.toLowerCase(Locale.ROOT)))) {
                    return false;
                }
            } else if (isStrictParam(p.name())) {
                return false;
            }
        }
        for (Params.Param p : other.params.list()) {
            if (!params.has(p.name()) && isStrictParam(p.name())) {
                return false;
            }
        }
        if (headers.list().size() != other.headers.list().size()) {
            return false;
        }
        for (Params.Param h : headers.list()) {
            if (!other.headers.has(h.name()) || !other.headers.value(h.name()).equals(h.value())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStrictParam(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "user", "ttl", "method", "maddr" -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64).append(scheme()).append(':');
        if (user.isPresent()) {
            out.append(SipGrammar.escape(user.get(), SipGrammar::isUserChar));
            password.ifPresent(p -> out.append(':').append(SipGrammar.escape(p, SipGrammar::isPasswordChar)));
            out.append('@');
        }
        out.append(hostPort());
        for (Params.Param p : params.list()) {
            out.append(';').append(SipGrammar.escape(p.name(), SipGrammar::isParamChar));
            p.value().ifPresent(v -> out.append('=').append(SipGrammar.escape(v, SipGrammar::isParamChar)));
        }
        char sep = '?';
        for (Params.Param h : headers.list()) {
            out.append(sep).append(SipGrammar.escape(h.name(), SipGrammar::isHeaderChar)).append('=')
                    .append(SipGrammar.escape(h.value().orElseThrow(), SipGrammar::isHeaderChar));
            sep = '&';
        }
        return out.toString();
    }
}
