package io.callvault.sip.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Character classes of the RFC 3261 §25.1 ABNF and the §19.1.2 escaping rules. Pure static functions,
 * thread-safe. Only what other packages need is public.
 */
public final class SipGrammar {
    private static final String HEX = "0123456789ABCDEF";

    private SipGrammar() {
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphanum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    /** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"). */
    public static boolean isTokenChar(char c) {
        return isAlphanum(c) || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    /** True when {@code s} is a non-empty token (method names, header names, parameter names). */
    public static boolean isToken(CharSequence s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** mark / alphanum: characters that never need escaping in a URI. */
    static boolean isUnreserved(char c) {
        return isAlphanum(c) || "-_.!~*'()".indexOf(c) >= 0;
    }

    static boolean isUserChar(char c) {
        return isUnreserved(c) || "&=+$,;?/".indexOf(c) >= 0;
    }

    static boolean isPasswordChar(char c) {
        return isUnreserved(c) || "&=+$,".indexOf(c) >= 0;
    }

    static boolean isParamChar(char c) {
        return isUnreserved(c) || "[]/:&+$".indexOf(c) >= 0;
    }

    static boolean isHeaderChar(char c) {
        return isUnreserved(c) || "[]/?:+$".indexOf(c) >= 0;
    }

    /** word in Call-ID (RFC 3261 §25.1 callid). */
    static boolean isWordChar(char c) {
        return isAlphanum(c) || "-.!%*_+`'~()<>:\\\"/[]?{}".indexOf(c) >= 0;
    }

    /** uric of RFC 2396 plus the RFC 2732 brackets: what an absoluteURI may contain. */
    static boolean isUriChar(char c) {
        return isUnreserved(c) || ";/?:@&=+$,[]".indexOf(c) >= 0;
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * {@code s} made safe for an error message or a log line: control characters written as \xNN and
     * anything past 64 characters cut to "...", so hostile input cannot flood or forge log lines.
     */
    public static String shown(String s) {
        String cut = s.length() > 64 ? s.substring(0, 61) : s;
        StringBuilder out = new StringBuilder(cut.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return cut.length() < s.length() ? out.append("...").toString() : out.toString();
    }

    /** Strips SP and HTAB (not other Unicode white space) from both ends. */
    public static String trimLws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Renders {@code text} as a quoted-string, escaping '"', '\' and control characters as quoted-pairs. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || (c < 0x20 && c != '\t') || c == 0x7f) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** Interface for the escaping predicates above. */
    @FunctionalInterface
    interface CharClass {
        boolean allows(char c);
    }

    /**
     * Decodes the §19.1.2 escapes in {@code raw}, after checking that every other character belongs to
     * {@code allowed}. Escaped octets are read as UTF-8 when they form valid UTF-8, else as ISO-8859-1,
     * so no octet (not even %00) is lost or cut short.
     */
    static String unescape(String raw, CharClass allowed, String what) {
        if (raw.indexOf('%') < 0) {
            for (int i = 0; i < raw.length(); i++) {
                if (!allowed.allows(raw.charAt(i))) {
                    throw badChar(raw, i, what);
                }
            }
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    throw new SipParseException(what + " '" + shown(raw) + "': '%' at position " + i
                            + " is not followed by two hex digits (RFC 3261 §19.1.2)");
                }
                bytes[n++] = (byte) Integer.parseInt(raw, i + 1, i + 3, 16);
                i += 2;
            } else if (allowed.allows(c)) {
                bytes[n++] = (byte) c;
            } else {
                throw badChar(raw, i, what);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static SipParseException badChar(String raw, int i, String what) {
        char c = raw.charAt(i);
        String shownChar = c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
        return new SipParseException(what + " '" + shown(raw) + "': character " + shownChar + " at position " + i
                + " must be escaped (RFC 3261 §19.1.2, §25.1)");
    }

    /** Escapes every character of {@code decoded} that {@code allowed} does not admit, as %HH of its UTF-8. */
    static String escape(String decoded, CharClass allowed) {
        StringBuilder out = null;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean plain = c < 0x80 && c != '%' && allowed.allows(c);
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(decoded.length() + 16).append(decoded, 0, i);
            }
            if (plain) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < decoded.length() ? i + 2 : i + 1;
            ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(decoded, i, end));
            while (utf8.hasRemaining()) {
                int b = utf8.get() & 0xff;
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
            }
            i = end - 1;
        }
        return out == null ? decoded : out.toString();
    }

    /** Rejects CR, LF and unpaired surrogates, which no header value, reason phrase or name may hold. */
    static void checkText(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " must not contain CR or LF: '" + shown(s) + "'");
            }
        }
        checkUnicode(s, what);
    }

    /** Rejects unpaired surrogates: text that UTF-8 cannot carry and so could not survive a round trip. */
    static void checkUnicode(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException(what + " holds an unpaired surrogate at position " + i);
                }
                i++;
            }
        }
    }
}
