package io.callvault.sip.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of From, To, Contact, Route and Record-Route: {@code [display-name] <uri> *(;param)} or a bare
 * addr-spec (RFC 3261 §20.10, §20.20, §20.39, §25.1). The display name is held decoded (quoted-pairs
 * resolved); header parameters such as {@code tag}, {@code expires} and {@code q} are held as written.
 * Without angle brackets everything after the first ';' is a header parameter, never a URI parameter
 * (§20.10, RFC 4475 §3.3.12), and a URI holding ',', ';' or '?' must be bracketed, so
 * {@code Contact: sip:u@h?Route=...} is rejected (RFC 4475 §3.1.2.13). {@link #toString()} always writes
 * the bracketed form.
 */
public record NameAddr(Optional<String> displayName, Uri uri, Params params) {

    public NameAddr {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(params, "params");
        displayName.ifPresent(d -> SipGrammar.checkText(d, "display name"));
    }

    public static NameAddr of(Uri uri) {
        return new NameAddr(Optional.empty(), uri, Params.EMPTY);
    }

    public static NameAddr of(String displayName, Uri uri) {
        return new NameAddr(Optional.of(displayName), uri, Params.EMPTY);
    }

    public Optional<String> tag() {
        return params.value("tag");
    }

    public NameAddr withTag(String tag) {
        if (!SipGrammar.isToken(tag)) {
            throw new IllegalArgumentException("tag '" + SipGrammar.shown(tag) + "' is not a token (RFC 3261 §19.3)");
        }
        return withParams(params.with("tag", tag));
    }

    public NameAddr withParams(Params newParams) {
        return new NameAddr(displayName, uri, newParams);
    }

    public NameAddr withUri(Uri newUri) {
        return new NameAddr(displayName, newUri, params);
    }

    /** The URI as a SipUri; throws {@link SipParseException} for other schemes (RFC 4475 §3.3.4). */
    public SipUri sipUri() {
        if (uri instanceof SipUri sip) {
            return sip;
        }
        throw new SipParseException("'" + SipGrammar.shown(uri.toString()) + "' is a " + uri.scheme()
                + " URI, not sip or sips");
    }

    /** Parses a name-addr or an addr-spec followed by parameters. */
    public static NameAddr parse(String value) {
        return parse(value, false);
    }

    /** Parses a value that must be a bracketed name-addr, as Route and Record-Route require (§20.30, §20.34). */
    public static NameAddr parseBracketed(String value) {
        return parse(value, true);
    }

    private static NameAddr parse(String value, boolean bracketsRequired) {
        Cursor in = new Cursor(value, "address");
        in.skipLws();
        Optional<String> display = Optional.empty();
        boolean bracketed;
        if (in.peek() == '"') {
            display = Optional.of(in.quotedString("display name"));
            in.skipLws();
            bracketed = true;
        } else {
            int start = in.pos();
            while (!in.atEnd() && (SipGrammar.isTokenChar(in.peek()) || SipGrammar.isWhitespace(in.peek()))) {
                in.next();
            }
            bracketed = in.peek() == '<';
            if (bracketed) {
                String tokens = SipGrammar.trimLws(value.substring(start, in.pos()));
                display = tokens.isEmpty() ? Optional.empty() : Optional.of(tokens);
            } else {
                in.pos(start);
            }
        }
        Uri uri;
        if (bracketed) {
            if (in.peek() != '<') {
                throw in.fail("expected '<' after the display name");
            }
            in.next();
            int start = in.pos();
            int close = value.indexOf('>', start);
            if (close < 0) {
                throw in.fail("'<' has no matching '>'");
            }
            String inner = value.substring(start, close);
            if (!inner.equals(SipGrammar.trimLws(inner))) {
                throw in.fail("white space inside '<...>' is not allowed (RFC 3261 §25.1 addr-spec;"
                        + " RFC 4475 §3.1.2.14)");
            }
            uri = Uri.parse(inner);
            in.pos(close + 1);
        } else {
            if (bracketsRequired) {
                throw in.fail("expected '<' (this field needs a name-addr)");
            }
            if (in.peek() == '*') {
                throw in.fail("'*' is only allowed as the sole Contact of a REGISTER (RFC 3261 §10.2.2)");
            }
            int start = in.pos();
            while (!in.atEnd() && in.peek() != ';' && !SipGrammar.isWhitespace(in.peek())) {
                char c = in.next();
                if (c == ',' || c == '?' || c == '<' || c == '>' || c == '"') {
                    in.pos(in.pos() - 1);
                    throw in.fail("unexpected character: a display name with it must be quoted, and a URI"
                            + " holding ',', '?' or ';' must be enclosed in '<>' (RFC 3261 §20)");
                }
            }
            uri = Uri.parse(value.substring(start, in.pos()));
        }
        Params params = Params.parseHeaderParams(in);
        return new NameAddr(display, uri, params);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        displayName.ifPresent(d -> out.append(SipGrammar.quote(d)).append(' '));
        return out.append('<').append(uri).append('>').append(params).toString();
    }
}
