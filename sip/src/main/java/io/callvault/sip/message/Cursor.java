package io.callvault.sip.message;

/**
 * A read position in one header value, with the lexical steps of RFC 3261 §25.1 (LWS, SWS, token,
 * quoted-string, separators). Header values reach it already unfolded, so LWS is SP / HTAB only.
 * Every failure is a {@link SipParseException} that names the element and the column. Not thread-safe.
 */
final class Cursor {
    private final String text;
    private final String what;
    private int pos;

    Cursor(String text, String what) {
        this.text = text;
        this.what = what;
    }

    int pos() {
        return pos;
    }

    void pos(int pos) {
        this.pos = pos;
    }

    String text() {
        return text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, or 0 at the end. */
    char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    char next() {
        if (atEnd()) {
            throw fail("unexpected end");
        }
        return text.charAt(pos++);
    }

    /** Skips SP and HTAB; returns true when at least one was skipped. */
    boolean skipLws() {
        int start = pos;
        while (pos < text.length() && SipGrammar.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** SWS c SWS: consumes the separator with optional white space around it; false if it is not next. */
    boolean separator(char c) {
        int start = pos;
        skipLws();
        if (peek() == c) {
            pos++;
            skipLws();
            return true;
        }
        pos = start;
        return false;
    }

    void expectSeparator(char c, String context) {
        if (!separator(c)) {
            throw fail("expected '" + c + "' " + context);
        }
    }

    String token(String element) {
        int start = pos;
        while (pos < text.length() && SipGrammar.isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw fail("expected a token for " + element);
        }
        return text.substring(start, pos);
    }

    /** Reads a quoted-string at the cursor and returns its content with quoted-pairs resolved. */
    String quotedString(String element) {
        String raw = quotedStringRaw(element);
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Reads a quoted-string at the cursor and returns it verbatim, quotes included. */
    String quotedStringRaw(String element) {
        if (peek() != '"') {
            throw fail("expected '\"' to open the quoted " + element);
        }
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return text.substring(start, pos);
            }
            if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    break;
                }
                char q = text.charAt(pos + 1);
                if (q == '\r' || q == '\n') {
                    throw fail("quoted-pair cannot escape CR or LF in the " + element);
                }
                pos += 2;
                continue;
            }
            pos++;
        }
        throw new SipParseException(what + " '" + SipGrammar.shown(text) + "': unterminated quoted string in the "
                + element + " opened at column " + start + " (RFC 3261 §25.1 quoted-string)");
    }

    SipParseException fail(String problem) {
        String shown = atEnd() ? "end of value" : describe(text.charAt(pos));
        return new SipParseException(what + " '" + SipGrammar.shown(text) + "': " + problem + " at column "
                + pos + " (found " + shown + ")");
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
