package io.callvault.sip.codec;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipGrammar;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Uri;
import java.nio.charset.StandardCharsets;

/**
 * The first line of a message (RFC 3261 §7.1, §7.2). A request line is exactly
 * {@code Method SP Request-URI SP SIP-Version}: extra or trailing spaces are rejected rather than
 * repaired (RFC 4475 §3.1.2.8-10 allow either; rejecting means the bad bytes can never be forwarded), a
 * Request-URI in angle brackets or with URI headers is rejected (§3.1.2.7, §3.1.2.11), and a
 * well-formed version other than 2.0 is rejected with status 505 (§3.1.2.16).
 */
sealed interface StartLine {

    record RequestLine(Method method, Uri uri) implements StartLine {
    }

    record StatusLine(int status, String reason) implements StartLine {
    }

    static boolean looksLikeResponse(String line) {
        return line.regionMatches(true, 0, "SIP/", 0, 4);
    }

    /** Parses {@code line}, which started at {@code offset} in the buffer (for failure offsets). */
    static StartLine parse(String line, int offset) throws Reject {
        return looksLikeResponse(line) ? statusLine(line, offset) : requestLine(line, offset);
    }

    private static StartLine statusLine(String line, int offset) throws Reject {
        int sp = line.indexOf(' ');
        String version = sp < 0 ? line : line.substring(0, sp);
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            throw new Reject(offset, "status line version '" + SipGrammar.shown(version)
                    + "' is not SIP/2.0 (RFC 3261 §7.2)", 505);
        }
        if (sp < 0) {
            throw new Reject(offset, "status line has no status code (RFC 3261 §7.2)");
        }
        int sp2 = line.indexOf(' ', sp + 1);
        String code = sp2 < 0 ? line.substring(sp + 1) : line.substring(sp + 1, sp2);
        boolean digits = code.length() == 3 && code.chars().allMatch(c -> c >= '0' && c <= '9');
        int status = digits ? Integer.parseInt(code) : -1;
        if (status < 100 || status > 699) {
            throw new Reject(offset + bytes(line, sp + 1), "status code '" + SipGrammar.shown(code)
                    + "' is not three digits in 100..699 (RFC 3261 §7.2; RFC 4475 §3.1.2.19)");
        }
        return new StatusLine(status, sp2 < 0 ? "" : line.substring(sp2 + 1));
    }

    private static StartLine requestLine(String line, int offset) throws Reject {
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || sp2 == line.length() - 1 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw new Reject(offset, "request line '" + SipGrammar.shown(line) + "' is not Method SP"
                    + " Request-URI SP SIP-Version with single spaces (RFC 3261 §7.1; RFC 4475 §3.1.2.8-10)");
        }
        String methodText = line.substring(0, sp1);
        if (!SipGrammar.isToken(methodText)) {
            throw new Reject(offset, "method '" + SipGrammar.shown(methodText)
                    + "' is not a token (RFC 3261 §25.1)");
        }
        String version = line.substring(sp2 + 1);
        if (!isVersion(version)) {
            throw new Reject(offset + bytes(line, sp2 + 1), "SIP version '" + SipGrammar.shown(version)
                    + "' is malformed (expected SIP/2.0, RFC 3261 §7.1)");
        }
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            throw new Reject(offset + bytes(line, sp2 + 1), "SIP version '" + SipGrammar.shown(version)
                    + "' is not supported: answer 505 (RFC 3261 §21.5.7; RFC 4475 §3.1.2.16)", 505);
        }
        String uriText = line.substring(sp1 + 1, sp2);
        Uri uri;
        try {
            uri = Uri.parse(uriText);
        } catch (SipParseException e) {
            throw new Reject(offset + bytes(line, sp1 + 1), "Request-URI: " + e.getMessage());
        }
        if (uri instanceof SipUri sip && !sip.headers().isEmpty()) {
            throw new Reject(offset + bytes(line, sp1 + 1), "Request-URI '" + SipGrammar.shown(uriText) + "' carries"
                    + " URI headers, which a Request-URI must not (RFC 3261 §19.1.1; RFC 4475 §3.1.2.11)");
        }
        return new RequestLine(new Method(methodText), uri);
    }

    /** The UTF-8 length of the first {@code chars} characters: failure offsets count bytes. */
    private static int bytes(String line, int chars) {
        return line.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isVersion(String v) {
        if (!v.regionMatches(true, 0, "SIP/", 0, 4)) {
            return false;
        }
        int dot = v.indexOf('.', 4);
        return dot > 4 && dot < v.length() - 1
                && v.substring(4, dot).chars().allMatch(c -> c >= '0' && c <= '9')
                && v.substring(dot + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
