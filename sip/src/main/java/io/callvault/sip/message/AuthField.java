package io.callvault.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of Authorization, Proxy-Authorization, WWW-Authenticate or Proxy-Authenticate (RFC 3261
 * §20.7, §20.27, §20.28, §20.44, §25.1): an auth scheme followed by comma-separated
 * {@code name=value} parameters. Any scheme parses (RFC 4475 §3.3.7 {@code NoOneKnowsThisScheme}); the
 * Digest meaning of the parameters is in {@code io.callvault.sip.auth}. Values are held unquoted;
 * {@link AuthParam#quoted()} records how to write them back.
 */
public record AuthField(String scheme, List<AuthParam> params) {

    /** One auth-param; {@code value} has quoted-pairs resolved. */
    public record AuthParam(String name, String value, boolean quoted) {
        public AuthParam {
            if (!SipGrammar.isToken(Objects.requireNonNull(name, "name"))) {
                throw new SipParseException("auth-param name '" + SipGrammar.shown(name) + "' is not a token");
            }
            SipGrammar.checkText(Objects.requireNonNull(value, "value"), "auth-param " + name);
            if (!quoted && (value.isEmpty() || !value.chars().allMatch(AuthField::isBareValueChar))) {
                throw new IllegalArgumentException("auth-param " + name + " value '"
                        + SipGrammar.shown(value) + "' must be quoted");
            }
        }

        public static AuthParam quoted(String name, String value) {
            return new AuthParam(name, value, true);
        }

        public static AuthParam token(String name, String value) {
            return new AuthParam(name, value, false);
        }
    }

    public AuthField {
        if (!SipGrammar.isToken(Objects.requireNonNull(scheme, "scheme"))) {
            throw new SipParseException("auth scheme '" + SipGrammar.shown(scheme) + "' is not a token");
        }
        params = List.copyOf(params);
    }

    /** The first parameter of that name (ignoring case), unquoted. */
    public Optional<String> param(String name) {
        for (AuthParam p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    public boolean isScheme(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    /**
     * Parses {@code scheme LWS auth-param *(COMMA auth-param)}. Empty list elements (",,") are skipped,
     * as RFC 7235 §4 allows; an unquoted value runs to the next comma or white space.
     */
    public static AuthField parse(String value) {
        Cursor in = new Cursor(value, "credentials");
        in.skipLws();
        String scheme = in.token("auth scheme");
        List<AuthParam> params = new ArrayList<>();
        in.skipLws();
        while (!in.atEnd()) {
            if (in.separator(',')) {
                continue;
            }
            String name = in.token("auth-param name");
            in.expectSeparator('=', "after auth-param " + name);
            if (in.peek() == '"') {
                params.add(new AuthParam(name, in.quotedString("auth-param " + name), true));
            } else {
                int start = in.pos();
                while (!in.atEnd() && isBareValueChar(in.peek())) {
                    in.next();
                }
                if (in.pos() == start) {
                    throw in.fail("expected a value for auth-param " + name);
                }
                params.add(new AuthParam(name, value.substring(start, in.pos()), false));
            }
            in.skipLws();
            if (!in.atEnd() && !in.separator(',')) {
                throw in.fail("expected ',' between auth-params");
            }
        }
        return new AuthField(scheme, params);
    }

    private static boolean isBareValueChar(int c) {
        return c > 0x20 && c != 0x7f && c != ',' && c != '"';
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(128).append(scheme);
        String sep = " ";
        for (AuthParam p : params) {
            out.append(sep).append(p.name()).append('=').append(p.quoted() ? SipGrammar.quote(p.value()) : p.value());
            sep = ", ";
        }
        return out.toString();
    }
}
